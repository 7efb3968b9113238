package io.passerelle.changeservice.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.changeservice.risk.RiskAssessment;
import org.junit.jupiter.api.Test;

/** A change records the incidents its deployment was confirmed to have caused, each once, in any state. */
class CausedIncidentTest {

    private static final Instant RAISED = Instant.parse("2026-11-27T10:00:00Z");
    private static final Instant LATER = RAISED.plusSeconds(3600);

    private static ChangeRequest closedChange() {
        var proposal = new Proposal(ChangeType.STANDARD, "payments", "staging", "Deploy payments 1.2.0 to staging",
                null, "pipeline:octocat", UUID.randomUUID(), UUID.randomUUID());
        var change = ChangeRequest.raise(UUID.randomUUID(), proposal,
                Assessment.byHand(new RiskAssessment(12, List.of(), RAISED)), false, Optional.empty(), RAISED);
        change.close(RAISED.plusSeconds(60));
        change.pullEvents();
        return change;
    }

    private static CausedIncident incident(UUID id, ChangeRequest change) {
        return new CausedIncident(id, change.deploymentId(), "P2", "otto", LATER.minusSeconds(5), "the canary failed");
    }

    @Test
    void a_closed_change_records_the_incident_it_caused_with_an_audit_line_and_no_event() {
        var change = closedChange();
        var trail = change.auditTrail().size();
        var id = UUID.randomUUID();

        assertThat(change.causedIncident(incident(id, change), LATER)).isTrue();

        assertThat(change.causedIncidents()).containsExactly(incident(id, change));
        assertThat(change.newCausedIncidents()).containsExactly(incident(id, change));
        assertThat(change.state()).isEqualTo(ChangeState.CLOSED);
        assertThat(change.outcome()).isEqualTo(ChangeOutcome.SUCCESSFUL);
        assertThat(change.auditTrail()).hasSize(trail + 1);
        assertThat(change.auditTrail().getLast()).isEqualTo(new AuditEntry(LATER, "passerelle:incident",
                AuditEntry.Action.CAUSED_INCIDENT, ChangeState.CLOSED, "caused incident " + id + " (P2): its deployment "
                        + change.deploymentId() + " was confirmed as a cause by otto at " + LATER.minusSeconds(5)
                        + ": the canary failed"));
        assertThat(change.pullEvents()).isEmpty();
    }

    @Test
    void the_same_incident_is_recorded_once_and_another_one_too() {
        var change = closedChange();
        var id = UUID.randomUUID();
        change.causedIncident(incident(id, change), LATER);

        assertThat(change.causedIncident(incident(id, change), LATER)).isFalse();
        assertThat(change.causedIncident(incident(UUID.randomUUID(), change), LATER)).isTrue();

        assertThat(change.causedIncidents()).hasSize(2);
        assertThat(change.auditTrail()).filteredOn(e -> e.action() == AuditEntry.Action.CAUSED_INCIDENT).hasSize(2);
    }

    @Test
    void a_change_read_from_its_store_appends_only_the_incidents_recorded_since() {
        var stored = closedChange();
        stored.causedIncident(incident(UUID.randomUUID(), stored), LATER);
        var read = ChangeRequest.restore(stored.id(), stored.proposal(), stored.state(), stored.raisedAt(),
                stored.milestones(), stored.risk(), null, null, null, stored.decisions(), stored.auditTrail(),
                stored.causedIncidents(), 2);

        assertThat(read.newCausedIncidents()).isEmpty();
        read.causedIncident(incident(UUID.randomUUID(), read), LATER);
        assertThat(read.newCausedIncidents()).hasSize(1);
        assertThat(read.causedIncidents()).hasSize(2);
    }
}
