/** Wires the catalog's plain-Java use cases. */
@NullMarked
package io.passerelle.releaseservice.catalog.config;

import org.jspecify.annotations.NullMarked;
