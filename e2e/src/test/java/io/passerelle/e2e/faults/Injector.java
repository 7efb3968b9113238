package io.passerelle.e2e.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.passerelle.e2e.Stack;
import org.jspecify.annotations.Nullable;

/**
 * Injects a plan of faults spread evenly over a time (the i-th of n at {@code (i + ½) / n} of it), each on a thread of
 * its own since a restart takes a while, and notes when each began and when what it broke was back.
 */
final class Injector {

    /** @param at when it was injected, since the origin; @param back when it returned (a killed app was ready again) */
    record Injected(Fault fault, Duration at, Duration back, String detail, @Nullable String error) {

        @Override
        public String toString() {
            return String.format("%s at %.1f s (%s)", fault.name(), at.toMillis() / 1000.0,
                    error == null ? detail : "FAILED: " + error);
        }
    }

    private Injector() {
    }

    static CompletableFuture<List<Injected>> start(Stack stack, List<Fault> plan, Duration over, long origin) {
        var pool = Executors.newScheduledThreadPool(Math.max(1, plan.size()));
        var injections = new ArrayList<CompletableFuture<Injected>>();
        for (int i = 0; i < plan.size(); i++) {
            var fault = plan.get(i);
            long delay = over.toMillis() * (2L * i + 1) / (2L * plan.size());
            var injected = new CompletableFuture<Injected>();
            pool.schedule(() -> injected.complete(inject(stack, fault, origin)), delay, TimeUnit.MILLISECONDS);
            injections.add(injected);
        }
        return CompletableFuture.allOf(injections.toArray(CompletableFuture[]::new))
                .thenApply(done -> injections.stream().map(CompletableFuture::join).toList())
                .whenComplete((done, error) -> pool.shutdown());
    }

    private static Injected inject(Stack stack, Fault fault, long origin) {
        var at = Duration.ofNanos(System.nanoTime() - origin);
        try {
            var detail = fault.inject(stack);
            System.out.printf("  fault: %s at %.1f s, %s%n", fault.name(), at.toMillis() / 1000.0, detail);
            return new Injected(fault, at, Duration.ofNanos(System.nanoTime() - origin), detail, null);
        } catch (RuntimeException e) {
            System.out.printf("  fault: %s at %.1f s FAILED: %s%n", fault.name(), at.toMillis() / 1000.0, e.getMessage());
            return new Injected(fault, at, Duration.ofNanos(System.nanoTime() - origin), "", String.valueOf(e.getMessage()));
        }
    }
}
