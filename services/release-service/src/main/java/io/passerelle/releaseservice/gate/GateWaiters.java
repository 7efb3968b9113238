package io.passerelle.releaseservice.gate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.passerelle.releaseservice.gate.port.Gates;
import org.jspecify.annotations.Nullable;

/**
 * The requests of this instance that wait for gate decisions (long-polls), at most {@code capacity} at once. No
 * thread waits: a waiter is a callback, answered
 * <ul>
 * <li>at once when the gate is decided by the time it is registered: it is registered first and the gate read
 * after, so a decision committed before the registration is seen by that read, and one committed after it wakes
 * the waiter;</li>
 * <li>when {@link #wake} is told the gate was decided (gate.decided.v1, which every instance hears): the gate is read
 * again, once for all its waiters, and they are answered if it is decided — the database says what the decision is,
 * the message only says when to look;</li>
 * <li>at the end of its wait, with the gate as it is then.</li>
 * </ul>
 * Each is answered once; reads and answers run on {@code readers}, never on the thread that wakes or times out.
 */
public final class GateWaiters {

    private final Gates gates;
    private final int capacity;
    private final ScheduledExecutorService timer;
    private final Executor readers;
    private final Map<UUID, Set<Waiter>> waiting = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();

    public GateWaiters(Gates gates, int capacity, ScheduledExecutorService timer, Executor readers) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the waiter capacity must be positive");
        }
        this.gates = gates;
        this.capacity = capacity;
        this.timer = timer;
        this.readers = readers;
    }

    /**
     * Waits at most {@code wait} for gate {@code gateId} to be decided; {@code listener} hears the gate once.
     *
     * @return the waiter, to cancel when its request goes away
     * @throws TooManyWaitersException when {@code capacity} requests wait already (nothing is registered)
     */
    public Waiting await(UUID gateId, Duration wait, Listener listener) {
        if (count.incrementAndGet() > capacity) {
            count.decrementAndGet();
            throw new TooManyWaitersException(capacity);
        }
        var waiter = new Waiter(gateId, listener);
        waiting.compute(gateId, (id, set) -> {
            var waiters = set != null ? set : ConcurrentHashMap.<Waiter>newKeySet();
            waiters.add(waiter);
            return waiters;
        });
        waiter.deadline = timer.schedule(() -> readers.execute(() -> answerAsItIs(waiter)), wait.toMillis(),
                TimeUnit.MILLISECONDS);
        readers.execute(() -> {
            try {
                gates.byId(gateId).filter(g -> g.decision().isFinal()).ifPresent(waiter::answer);
            } catch (RuntimeException e) {
                waiter.fail(e);
            }
        });
        return waiter;
    }

    /** Gate {@code gateId} was decided: its waiters here are answered, from the database. */
    public void wake(UUID gateId) {
        var waiters = waiting.get(gateId);
        if (waiters == null || waiters.isEmpty()) {
            return;
        }
        readers.execute(() -> {
            try {
                var gate = gates.byId(gateId).filter(g -> g.decision().isFinal());
                gate.ifPresent(g -> List.copyOf(waiters).forEach(w -> w.answer(g)));
            } catch (RuntimeException e) {
                List.copyOf(waiters).forEach(w -> w.fail(e));
            }
        });
    }

    private void answerAsItIs(Waiter waiter) {
        try {
            gates.byId(waiter.gateId).ifPresentOrElse(waiter::answer,
                    () -> waiter.fail(new IllegalStateException("gate " + waiter.gateId + " disappeared")));
        } catch (RuntimeException e) {
            waiter.fail(e);
        }
    }

    /** How many requests wait now. */
    public int waiting() {
        return count.get();
    }

    public int capacity() {
        return capacity;
    }

    /** Hears the gate once: decided, or as it is at the end of the wait; or why it could not be read. */
    public interface Listener {

        void answer(Gate gate);

        void failed(RuntimeException cause);
    }

    /** A registered wait. */
    public interface Waiting {

        /** The request went away (or was answered otherwise): forget it; nothing is heard after. */
        void cancel();
    }

    private final class Waiter implements Waiting {

        private final UUID gateId;
        private final Listener listener;
        private final AtomicBoolean done = new AtomicBoolean();
        private volatile @Nullable ScheduledFuture<?> deadline;

        Waiter(UUID gateId, Listener listener) {
            this.gateId = gateId;
            this.listener = listener;
        }

        void answer(Gate gate) {
            if (finish()) {
                listener.answer(gate);
            }
        }

        void fail(RuntimeException cause) {
            if (finish()) {
                listener.failed(cause);
            }
        }

        @Override
        public void cancel() {
            finish();
        }

        private boolean finish() {
            if (!done.compareAndSet(false, true)) {
                return false;
            }
            waiting.computeIfPresent(gateId, (id, set) -> {
                set.remove(this);
                return set.isEmpty() ? null : set;
            });
            count.decrementAndGet();
            var scheduled = deadline;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
            return true;
        }
    }
}
