package io.passerelle.integrationservice.executor;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.passerelle.integrationservice.executor.port.Executor;
import org.jspecify.annotations.Nullable;

/**
 * What the vendor executors (Argo CD, GitHub Deployments, Jenkins, AWX) share: their type, whether they watch, the
 * settings a target needs before it can be called, the vendor's URL judged by the outbound guard
 * ({@link VendorCalls#unusable}), and the reading of a client's answers into the SPI's terms.
 */
public abstract class VendorExecutor implements Executor, AutoCloseable {

    private final String type;
    private final VendorCalls calls;
    private final boolean watches;
    private final List<String> required;

    /** @param required the settings a target of this type cannot be called without */
    protected VendorExecutor(String type, VendorCalls calls, boolean watches, List<String> required) {
        this.type = type;
        this.calls = calls;
        this.watches = watches;
        this.required = List.copyOf(required);
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final boolean watches() {
        return watches;
    }

    @Override
    public Optional<String> unusable(Target target) {
        var missing = required.stream().filter(key -> target.setting(key) == null).toList();
        return missing.isEmpty() ? calls.unusable(target.url())
                : Optional.of("the " + type + " target has no " + String.join(", ", missing));
    }

    /** Not watched: the vendor pushes the outcome. */
    @Override
    public Observed observe(Target target, DeployCall call, String reference, String secret) {
        throw new UnsupportedOperationException(type + " deployments are not watched: the vendor reports them");
    }

    /** A client's start as the SPI says it: the outcome, and the reference {@code of} the accepted start. */
    protected static <R> Start start(Started<R> started, Function<R, String> of) {
        var reference = started.reference();
        return new Start(started.outcome(), reference == null ? null : of.apply(reference));
    }

    /** A client's look as the SPI says it: what {@code read} makes of the answer, or why there is none. */
    protected static <S> Observed observed(Called<S> called, Function<S, Observed> read) {
        return switch (called) {
            case Called.Answered<S> answered -> read.apply(answered.value());
            case Called.NotAnswered<S> notAnswered -> new Observed.NotObserved(notAnswered.outcome());
        };
    }

    /** Closes the vendor's connections. */
    @Override
    public void close() throws java.io.IOException {
        calls.close();
    }

    protected static String required(Target target, String key) {
        @Nullable String value = target.setting(key);
        if (value == null) {
            throw new IllegalArgumentException("the target has no " + key);
        }
        return value;
    }
}
