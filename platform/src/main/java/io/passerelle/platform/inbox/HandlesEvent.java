package io.passerelle.platform.inbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares, on the method that handles it, an event type this service consumes ({@code deployment.planned.v1}).
 * The method's first parameter is the consumer's own record of the fields it reads (a tolerant reader); an optional
 * second {@link InboundEvent} parameter gives the envelope (id, source, time). The service's queue is bound to
 * exactly the declared types, and the method runs in the transaction that records the event as processed. Several
 * handlers may sit in one class; a type has one handler per service.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface HandlesEvent {

    /** The logical, versioned event type. */
    String value();
}
