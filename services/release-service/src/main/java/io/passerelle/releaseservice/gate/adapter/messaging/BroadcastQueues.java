package io.passerelle.releaseservice.gate.adapter.messaging;

import org.springframework.amqp.core.AnonymousQueue;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.DeclarableCustomizer;
import org.springframework.stereotype.Component;

/**
 * The binder declares a consumer binding without a group as Spring AMQP's {@link AnonymousQueue}, which asks for
 * {@code x-queue-leader-locator: client-local}; RabbitMQ 3.10 (ours) refuses that argument on a classic queue and the
 * binding never starts. An exclusive queue lives on the node of its connection anyway, so the argument is dropped.
 */
@Component
class BroadcastQueues implements DeclarableCustomizer {

    @Override
    public Declarable apply(Declarable declarable) {
        if (declarable instanceof AnonymousQueue queue) {
            queue.setLeaderLocator(null);
        }
        return declarable;
    }
}
