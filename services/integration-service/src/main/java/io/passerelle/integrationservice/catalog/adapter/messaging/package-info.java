/** Keeps the catalog projection from service.registered.v1. */
@NullMarked
package io.passerelle.integrationservice.catalog.adapter.messaging;

import org.jspecify.annotations.NullMarked;
