/** Persistence adapter: every version of every standard-change template, in plain SQL; saving publishes the template's events. */
@NullMarked
package io.passerelle.changeservice.standardchange.adapter.persistence;

import org.jspecify.annotations.NullMarked;
