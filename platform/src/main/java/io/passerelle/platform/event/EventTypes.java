package io.passerelle.platform.event;

/** Reads the {@link EventType} of an event class, once per class. */
public final class EventTypes {

    private static final ClassValue<String> TYPES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            var annotation = type.getAnnotation(EventType.class);
            if (annotation == null) {
                throw new IllegalArgumentException(type.getName() + " is published but has no @EventType");
            }
            return annotation.value();
        }
    };

    private EventTypes() {
    }

    public static String of(Class<?> eventClass) {
        return TYPES.get(eventClass);
    }
}
