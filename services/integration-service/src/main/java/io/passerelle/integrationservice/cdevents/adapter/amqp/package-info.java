/** The relay of the CDEvents outbox to the passerelle.cdevents exchange, with publisher confirms. */
@NullMarked
package io.passerelle.integrationservice.cdevents.adapter.amqp;

import org.jspecify.annotations.NullMarked;
