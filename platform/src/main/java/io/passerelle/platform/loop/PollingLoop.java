package io.passerelle.platform.loop;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.passerelle.platform.persistence.AfterCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One background thread that works in rounds: it runs a round at once when woken (typically right after the commit
 * of new work), otherwise after the wait the previous round asked for. A failing round is logged and retried after
 * the poll interval. The outbox relay and the deploy dispatcher are both such loops.
 */
public final class PollingLoop {

    /** One round of work; returns how long to wait before the next one ({@link Duration#ZERO}: go on at once). */
    @FunctionalInterface
    public interface Round {
        Duration run() throws InterruptedException;
    }

    private static final Logger log = LoggerFactory.getLogger(PollingLoop.class);

    private final String name;
    private final Duration pollInterval;
    private final Round round;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private volatile Thread thread;

    public PollingLoop(String name, Duration pollInterval, Round round) {
        this.name = name;
        this.pollInterval = pollInterval;
        this.round = round;
    }

    public void start() {
        running = true;
        thread = Thread.ofPlatform().name(name).daemon().start(this::loop);
    }

    /** Stops after the current round; waits for it at most {@code timeout}. */
    public void stop(Duration timeout) {
        running = false;
        var current = thread;
        if (current != null) {
            wakeUp();
            try {
                current.join(timeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isRunning() {
        return running;
    }

    public void wakeUp() {
        wake.release();
    }

    /** Wakes the loop once the current transaction has committed (before that, its rows are not visible). */
    public void wakeUpAfterCommit() {
        AfterCommit.run(this::wakeUp);
    }

    private void loop() {
        while (running) {
            try {
                var wait = round.run();
                if (!wait.isZero() && !wait.isNegative()) {
                    wake.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("{}: round failed, retrying in {}: {}", name, pollInterval, e.toString());
                try {
                    Thread.sleep(pollInterval);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
