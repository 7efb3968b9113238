/** Delivery of the CDEvents outbox to the operator's HTTP sinks (CloudEvents binary mode). */
@NullMarked
package io.passerelle.integrationservice.cdevents.adapter.sink;

import org.jspecify.annotations.NullMarked;
