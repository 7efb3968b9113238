/** SQL adapter of the catalog: tables service and environment; saving a service publishes its events. */
@NullMarked
package io.passerelle.releaseservice.catalog.adapter.persistence;

import org.jspecify.annotations.NullMarked;
