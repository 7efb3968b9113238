package io.passerelle.integrationservice.executor;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.passerelle.integrationservice.executor.port.Executor;

/** The executors this service runs, chosen by the deploy target's type; one per type. */
public final class ExecutorRegistry {

    private final Map<String, Executor> byType;

    public ExecutorRegistry(java.util.List<Executor> executors) {
        this.byType = executors.stream().collect(Collectors.toUnmodifiableMap(Executor::type, Function.identity()));
    }

    public Optional<Executor> of(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    /** The types served, for a refusal's text. */
    public java.util.Set<String> types() {
        return new java.util.TreeSet<>(byType.keySet());
    }
}
