/** HTTP adapter of the catalog: implements the generated ServicesApi. */
@NullMarked
package io.passerelle.release.catalog.web;

import org.jspecify.annotations.NullMarked;
