/** Wires the catalog's plain-Java use cases. */
@NullMarked
package io.passerelle.release.catalog.config;

import org.jspecify.annotations.NullMarked;
