package io.passerelle.releaseservice.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.passerelle.releaseservice.gate.port.Gates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Waiting requests: answered once, from the store, when decided, woken or at the end of their wait; bounded. */
class GateWaitersTest {

    static final Duration LONG = Duration.ofSeconds(30);

    final Map<UUID, Gate> stored = new ConcurrentHashMap<>();
    volatile RuntimeException readFailure;
    final Gates gates = new Gates() {
        public void save(Gate gate) {
            stored.put(gate.id(), gate);
        }

        public Optional<Gate> byId(UUID id) {
            if (readFailure != null) {
                throw readFailure;
            }
            return Optional.ofNullable(stored.get(id));
        }

        public Optional<Gate> lock(UUID id) {
            return byId(id);
        }

        public Optional<Gate> lockByDeployment(UUID deploymentId) {
            throw new UnsupportedOperationException();
        }

        public Optional<Gate> openFor(UUID releaseId, String environment, String runUrl, String openedBy) {
            throw new UnsupportedOperationException();
        }
    };
    final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    /** Reads run on the caller's thread: each step is done when the call returns. */
    final GateWaiters waiters = new GateWaiters(gates, 3, timer, Runnable::run);

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    /** What a waiting request heard. */
    static final class Heard implements GateWaiters.Listener {

        final List<Object> heard = new CopyOnWriteArrayList<>();

        public void answer(Gate gate) {
            heard.add(gate.decision());
        }

        public void failed(RuntimeException cause) {
            heard.add(cause);
        }
    }

    Gate stored(GateDecision decision) {
        var gate = GateTest.pending();
        if (decision == GateDecision.ALLOWED) {
            gate.allow(GateTest.CHANGE, GateTest.DECIDED);
        } else if (decision == GateDecision.REFUSED) {
            gate.refuse(GateTest.CHANGE, "no", GateTest.DECIDED);
        }
        gates.save(gate);
        return gate;
    }

    void decide(Gate gate) {
        gate.allow(GateTest.CHANGE, GateTest.DECIDED);
        gates.save(gate);
    }

    @Test
    void a_gate_decided_before_the_wait_began_is_answered_at_once() {
        var gate = stored(GateDecision.REFUSED);
        var heard = new Heard();

        waiters.await(gate.id(), LONG, heard);

        assertThat(heard.heard).containsExactly(GateDecision.REFUSED);
        assertThat(waiters.waiting()).isZero();
    }

    @Test
    void a_wake_answers_every_waiter_of_that_gate_from_the_store_and_no_other() {
        var gate = stored(GateDecision.PENDING);
        var other = stored(GateDecision.PENDING);
        var first = new Heard();
        var second = new Heard();
        var elsewhere = new Heard();
        waiters.await(gate.id(), LONG, first);
        waiters.await(gate.id(), LONG, second);
        waiters.await(other.id(), LONG, elsewhere);
        assertThat(waiters.waiting()).isEqualTo(3);

        decide(gate);
        waiters.wake(gate.id());

        assertThat(first.heard).containsExactly(GateDecision.ALLOWED);
        assertThat(second.heard).containsExactly(GateDecision.ALLOWED);
        assertThat(elsewhere.heard).isEmpty();
        assertThat(waiters.waiting()).isOne();
    }

    @Test
    void a_wake_the_store_does_not_confirm_answers_nobody() {
        var gate = stored(GateDecision.PENDING);
        var heard = new Heard();
        waiters.await(gate.id(), LONG, heard);

        waiters.wake(gate.id());
        waiters.wake(UUID.randomUUID());

        assertThat(heard.heard).isEmpty();
        assertThat(waiters.waiting()).isOne();
    }

    @Test
    void the_end_of_the_wait_answers_the_gate_as_it_is_then() {
        var gate = stored(GateDecision.PENDING);
        var heard = new Heard();

        waiters.await(gate.id(), Duration.ofMillis(100), heard);

        await().atMost(Duration.ofSeconds(5)).until(() -> !heard.heard.isEmpty());
        assertThat(heard.heard).containsExactly(GateDecision.PENDING);
        assertThat(waiters.waiting()).isZero();
    }

    @Test
    void a_waiter_is_answered_once() throws InterruptedException {
        var gate = stored(GateDecision.PENDING);
        var heard = new Heard();
        waiters.await(gate.id(), Duration.ofMillis(200), heard);

        decide(gate);
        waiters.wake(gate.id());
        waiters.wake(gate.id());
        Thread.sleep(400); // past the end of its wait

        assertThat(heard.heard).containsExactly(GateDecision.ALLOWED);
    }

    @Test
    void an_instance_holds_at_most_its_capacity_of_waiters_and_a_cancelled_one_makes_room() {
        var gate = stored(GateDecision.PENDING);
        var waiting = List.of(waiters.await(gate.id(), LONG, new Heard()), waiters.await(gate.id(), LONG, new Heard()),
                waiters.await(gate.id(), LONG, new Heard()));

        assertThatThrownBy(() -> waiters.await(gate.id(), LONG, new Heard()))
                .isInstanceOf(TooManyWaitersException.class)
                .hasMessageContaining("already holds 3 requests");
        assertThat(waiters.waiting()).isEqualTo(3);

        waiting.getFirst().cancel();
        waiting.getFirst().cancel();
        assertThat(waiters.waiting()).isEqualTo(2);
        var heard = new Heard();
        waiters.await(gate.id(), LONG, heard);
        decide(gate);
        waiters.wake(gate.id());
        assertThat(heard.heard).containsExactly(GateDecision.ALLOWED);
        assertThat(waiters.waiting()).isZero();
    }

    @Test
    void a_store_that_cannot_be_read_fails_the_waiter_once() {
        var gate = stored(GateDecision.PENDING);
        var heard = new Heard();
        waiters.await(gate.id(), LONG, heard);

        readFailure = new IllegalStateException("database down");
        waiters.wake(gate.id());
        waiters.wake(gate.id());

        assertThat(heard.heard).singleElement().isInstanceOf(IllegalStateException.class);
        assertThat(waiters.waiting()).isZero();
    }
}
