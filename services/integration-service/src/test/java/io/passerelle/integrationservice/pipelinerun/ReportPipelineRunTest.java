package io.passerelle.integrationservice.pipelinerun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.passerelle.integrationservice.catalog.CatalogedService;
import io.passerelle.integrationservice.catalog.port.CatalogedServices;
import io.passerelle.integrationservice.github.PipelineFailed;
import io.passerelle.integrationservice.github.PipelineSucceeded;
import io.passerelle.integrationservice.pipelinerun.port.PipelineRuns;
import io.passerelle.platform.domain.NotFoundException;
import io.passerelle.platform.event.DomainEvent;
import org.junit.jupiter.api.Test;

class ReportPipelineRunTest {

    static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    static final String SHA = "4f2c1a9e8b7d6c5b4a3928171615141312111009";
    final CatalogedService service = new CatalogedService("payments", "acme/payments", "main", "sealed", Instant.EPOCH,
            List.of("staging"));
    final Map<String, PipelineRuns.Recorded> stored = new HashMap<>();
    final List<DomainEvent> published = new ArrayList<>();
    /** When set, the next record loses a race: another request stored this under the key meanwhile. */
    PipelineRuns.Recorded racing;

    final PipelineRuns runs = new PipelineRuns() {
        public Optional<Recorded> byKey(String key) {
            return Optional.ofNullable(stored.get(key));
        }

        public boolean record(String key, String sha, PipelineRunReport report, String runId, Receipt receipt,
                String by, Instant at) {
            if (racing != null) {
                stored.put(key, racing);
                return false;
            }
            return stored.putIfAbsent(key, new Recorded(sha, receipt)) == null;
        }
    };

    final ReportPipelineRun report = new ReportPipelineRun(new CatalogedServices() {
        public void register(CatalogedService s) {
        }

        public Optional<CatalogedService> byName(String name) {
            return name.equals("payments") ? Optional.of(service) : Optional.empty();
        }

        public Optional<CatalogedService> byRepository(String repository) {
            return Optional.empty();
        }
    }, runs, published::add, Clock.fixed(NOW, ZoneOffset.UTC));

    static PipelineRunReport run(String service, String branch, boolean success, List<PipelineRunReport.Check> checks) {
        return new PipelineRunReport(service, SHA, branch, success, "https://ci.example/42", null, null, null, 42L,
                new PipelineRunReport.Tests(10, 0, 1), checks);
    }

    @Test
    void a_green_run_publishes_its_check_and_each_checked_evidence_with_the_key_as_run_id() {
        var receipt = report.report("k-1", "h1", run("payments", "main", true,
                List.of(new PipelineRunReport.Check("e2e", false))), "jenkins");

        assertThat(receipt).isEqualTo(new Receipt(true, null, 2));
        assertThat(published.getFirst()).isInstanceOfSatisfying(PipelineFailed.class, e -> {
            assertThat(e.pipelineName()).isEqualTo("e2e");
            assertThat(e.runId()).isEqualTo("k-1/e2e");
        });
        assertThat(published.getLast()).isInstanceOfSatisfying(PipelineSucceeded.class, e -> {
            assertThat(e.pipelineName()).isEqualTo("ci");
            assertThat(e.runId()).isEqualTo("k-1");
            assertThat(e.provider()).isEqualTo("rest");
            assertThat(e.actor()).isEqualTo("jenkins");
            assertThat(e.finishedAt()).isEqualTo(NOW);
            assertThat(e.runNumber()).isEqualTo(42L);
        });
    }

    @Test
    void the_same_key_and_request_answer_the_same_and_publish_nothing_more_another_request_is_refused() {
        var first = report.report("k-2", "h1", run("payments", "main", true, List.of()), "jenkins");
        assertThat(report.report("k-2", "h1", run("payments", "main", true, List.of()), "jenkins")).isEqualTo(first);
        assertThatThrownBy(() -> report.report("k-2", "h2", run("payments", "main", false, List.of()), "jenkins"))
                .isInstanceOf(IdempotencyKeyReusedException.class).hasMessageContaining("k-2");
        assertThat(published).hasSize(1);
    }

    @Test
    void a_retry_that_loses_the_race_answers_what_the_winner_stored_and_publishes_nothing() {
        racing = new PipelineRuns.Recorded("h1", new Receipt(true, null, 1));
        assertThat(report.report("k-3", "h1", run("payments", "main", true, List.of()), "jenkins"))
                .isEqualTo(racing.receipt());
        assertThat(published).isEmpty();
    }

    @Test
    void another_branch_is_ignored_with_the_reason_and_an_unknown_service_is_not_found() {
        assertThat(report.report("k-4", "h1", run("payments", "feature/x", true, List.of()), "jenkins"))
                .isEqualTo(new Receipt(false, "branch 'feature/x' is not the default branch 'main' of payments", 0));
        assertThatThrownBy(() -> report.report("k-5", "h1", run("billing", "main", true, List.of()), "jenkins"))
                .isInstanceOf(NotFoundException.class);
        assertThat(stored).containsOnlyKeys("k-4");
        assertThat(published).isEmpty();
    }
}
