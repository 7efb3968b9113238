/** The transactional outbox: events stored with the state change, relayed to RabbitMQ with publisher confirms. */
@NullMarked
package io.passerelle.platform.outbox;

import org.jspecify.annotations.NullMarked;
