package io.passerelle.console.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import io.passerelle.console.web.Me;
import org.junit.jupiter.api.Test;

class IncidentActionsTest {

    static final Me SAM = new Me("sam", Set.of("service-desk"));
    static final Me OTTO = new Me("otto", Set.of("on-call"));
    static final Me PIA = new Me("pia", Set.of("problem-manager"));
    static final Me RHEA = new Me("rhea", Set.of("release-manager"));

    @Test
    void a_new_incident_is_acknowledged_resolved_and_its_suspects_decided_by_on_call_and_the_service_desk() {
        assertThat(IncidentActions.available("NEW", OTTO))
                .containsExactly("acknowledge", "resolve", "decide", "note", "assign");
        assertThat(IncidentActions.available("NEW", SAM))
                .containsExactly("acknowledge", "resolve", "decide", "note", "assign", "priority", "raise-problem");
    }

    @Test
    void each_open_state_offers_its_own_transition() {
        assertThat(IncidentActions.available("ACKNOWLEDGED", OTTO)).contains("start").doesNotContain("acknowledge");
        assertThat(IncidentActions.available("IN_PROGRESS", OTTO)).contains("hold").doesNotContain("resume", "start");
        assertThat(IncidentActions.available("ON_HOLD", OTTO)).contains("resume").doesNotContain("hold");
    }

    @Test
    void only_the_service_desk_closes_and_reopens_a_resolved_incident_and_nobody_decides_suspects_then() {
        assertThat(IncidentActions.available("RESOLVED", SAM)).contains("close", "reopen", "note")
                .doesNotContain("resolve", "decide", "priority");
        assertThat(IncidentActions.available("RESOLVED", OTTO)).doesNotContain("close", "reopen");
    }

    @Test
    void a_closed_incident_takes_no_note_nor_assignment() {
        assertThat(IncidentActions.available("CLOSED", SAM)).containsExactly("raise-problem");
        assertThat(IncidentActions.available("CLOSED", OTTO)).isEmpty();
    }

    @Test
    void readers_only_read_and_a_problem_manager_raises_problems() {
        assertThat(IncidentActions.available("NEW", RHEA)).isEmpty();
        assertThat(IncidentActions.available("IN_PROGRESS", PIA)).containsExactly("raise-problem");
    }
}
