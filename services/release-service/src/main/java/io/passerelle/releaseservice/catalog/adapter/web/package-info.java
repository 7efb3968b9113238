/** HTTP adapter of the catalog: implements the generated ServicesApi. */
@NullMarked
package io.passerelle.releaseservice.catalog.adapter.web;

import org.jspecify.annotations.NullMarked;
