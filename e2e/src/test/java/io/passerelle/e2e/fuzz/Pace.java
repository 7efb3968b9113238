package io.passerelle.e2e.fuzz;

import java.util.concurrent.atomic.AtomicLong;

/** At most {@code rate} requests per second across the threads (no limit when the rate is 0). */
final class Pace {

    private final long interval;
    private final AtomicLong next = new AtomicLong(System.nanoTime());

    Pace(double rate) {
        this.interval = rate > 0 ? (long) (1_000_000_000L / rate) : 0;
    }

    void await() {
        if (interval == 0) {
            return;
        }
        long slot = next.getAndUpdate(n -> Math.max(n, System.nanoTime()) + interval);
        long wait = slot - System.nanoTime();
        if (wait > 0) {
            sleep(wait / 1_000_000);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(Math.max(0, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
