/** Messaging adapter: keeps the catalog projection up to date from service.registered.v1. */
@NullMarked
package io.passerelle.changeservice.catalog.adapter.messaging;

import org.jspecify.annotations.NullMarked;
