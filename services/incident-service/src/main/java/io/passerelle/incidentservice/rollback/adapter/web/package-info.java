/**
 * An incident's rollback proposals over HTTP.
 */
@NullMarked
package io.passerelle.incidentservice.rollback.adapter.web;

import org.jspecify.annotations.NullMarked;
