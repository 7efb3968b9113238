package io.passerelle.integrationservice.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ReviewTest {

    static final UUID GATE = UUID.fromString("5d3c2b1a-9e8f-4a7b-8c6d-1e2f3a4b5c6d");
    static final UUID CHANGE = UUID.fromString("6f1c2a9e-3b4d-4e8f-9a1b-2c3d4e5f6a7b");

    @Test
    void an_allowed_gate_is_approved_naming_the_change_and_the_reason() {
        assertThat(Review.of(new GateDecision(GATE, "ALLOWED", CHANGE, "approved by alice and carol")))
                .contains(new Review(Review.State.APPROVED, "Passerelle allowed this deployment (change "
                        + CHANGE + "): approved by alice and carol"));
        assertThat(Review.of(new GateDecision(GATE, "ALLOWED", CHANGE, null)))
                .contains(new Review(Review.State.APPROVED, "Passerelle allowed this deployment (change "
                        + CHANGE + ")."));
    }

    @Test
    void a_refused_gate_is_rejected_with_its_reason_or_saying_there_was_none() {
        assertThat(Review.of(new GateDecision(GATE, "REFUSED", CHANGE, "rejected by carol: the load test failed")))
                .contains(new Review(Review.State.REJECTED, "Passerelle refused this deployment (change " + CHANGE
                        + "): rejected by carol: the load test failed"));
        assertThat(Review.of(new GateDecision(GATE, "REFUSED", null, " ")))
                .contains(new Review(Review.State.REJECTED, "Passerelle refused this deployment: no reason was given"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "PENDING", "HELD", "EXPIRED", "allowed" })
    void a_decision_that_is_not_final_reviews_nothing_yet(String decision) {
        assertThat(Review.of(new GateDecision(GATE, decision, CHANGE, "held by freeze window 'Weekends'"))).isEmpty();
    }

    @Test
    void a_long_reason_is_cut_for_the_comment() {
        var review = Review.of(new GateDecision(GATE, "REFUSED", CHANGE, "x".repeat(5000))).orElseThrow();

        assertThat(review.comment()).endsWith("x".repeat(Review.MAX_REASON) + "…");
        assertThat(review.comment().length()).isLessThan(Review.MAX_REASON + 100);
    }

    @Test
    void states_are_spelled_as_github_reads_them() {
        assertThat(Review.State.APPROVED.wire()).isEqualTo("approved");
        assertThat(Review.State.ofWire("rejected")).isEqualTo(Review.State.REJECTED);
    }
}
