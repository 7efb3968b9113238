package io.passerelle.platform.event;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The logical, versioned name of a published event on the wire ({@code change.authorized.v1}): the one place the
 * type string of an event stands in a producer. The record it annotates is the event's data, serialized as it is
 * (absent fields left out), and must match {@code api-specs/events/<type>.json}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    String value();
}
