/** Keeps the catalog projection from service.registered.v1. */
@NullMarked
package io.passerelle.integration.catalog.messaging;

import org.jspecify.annotations.NullMarked;
