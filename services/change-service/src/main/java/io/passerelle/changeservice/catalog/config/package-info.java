/** Wires the catalog projection's plain-Java checks. */
@NullMarked
package io.passerelle.changeservice.catalog.config;

import org.jspecify.annotations.NullMarked;
