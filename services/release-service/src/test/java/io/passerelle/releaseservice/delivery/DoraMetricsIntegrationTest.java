package io.passerelle.releaseservice.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.passerelle.platform.test.RepositoryFiles;
import io.passerelle.platform.test.TestJwts;
import io.passerelle.releaseservice.ReleaseServiceIntegrationTest;
import io.passerelle.releaseservice.delivery.adapter.metrics.DoraGauges;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * GET /api/v1/metrics/dora on a history written in the tables, whose answers are worked out by hand below, and the
 * DORA gauges scraped from /actuator/prometheus.
 */
@ReleaseServiceIntegrationTest
class DoraMetricsIntegrationTest {

    static final Instant FROM = Instant.parse("2026-10-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-10-08T00:00:00Z");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired DoraGauges gauges;

    DeliveryHistoryFixture history;

    @BeforeEach
    void register() throws Exception {
        history = new DeliveryHistoryFixture(mvc, jdbc);
    }

    static Instant at(String time) {
        return Instant.parse(time);
    }

    ResultActions dora(String... params) throws Exception {
        var request = get("/api/v1/metrics/dora").with(TestJwts.user("rhea", "release-manager"));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request);
    }

    /*
     * A week, [10-01, 10-08), of the service's production (its last environment), and what must not count:
     *   p0 SUCCEEDED 09-30 23:00                          before the range
     *   p1 SUCCEEDED 10-01 06:00, head commit 10-01 04:00  lead time 2 h
     *   p2 FAILED    10-02 00:00                           recovered by p3: 2 h
     *   p3 SUCCEEDED 10-02 02:00, head commit 10-01 02:00  lead time 24 h
     *   p4 CANCELLED 10-03 00:00                           never happened
     *   p7 SUCCEEDED 10-05 00:00, head commit unknown      not measured
     *   p5 FAILED    10-07 12:00                           recovered by p6 after the range: 18 h
     *   p6 SUCCEEDED 10-08 06:00                           after the range
     *   p8 IN_PROGRESS                                     not finished
     *   staging: s1 FAILED 10-03 00:00, s2 SUCCEEDED 10-03 01:00 — another environment
     * Production in range: 5 finished (p1 p2 p3 p5 p7), 3 succeeded.
     *   frequency 3 / 7 days = 0.4286 a day, 3 a week: high
     *   lead time 2 h and 24 h: median 13 h (elite), p90 rank ceil(0.9 × 2) = 2: 24 h; 1 without commit time
     *   change failure rate 2 / 5 = 0.4: low
     *   recovery 2 h and 18 h: median 10 h (high), p90 18 h
     */
    void writeTheWeek() {
        history.deployment("production", "SUCCEEDED", at("2026-09-30T23:00:00Z"), at("2026-09-30T20:00:00Z"));
        history.deployment("production", "SUCCEEDED", at("2026-10-01T06:00:00Z"), at("2026-10-01T04:00:00Z"));
        history.deployment("production", "FAILED", at("2026-10-02T00:00:00Z"), at("2026-10-01T23:00:00Z"));
        history.deployment("production", "SUCCEEDED", at("2026-10-02T02:00:00Z"), at("2026-10-01T02:00:00Z"));
        history.deployment("production", "CANCELLED", at("2026-10-03T00:00:00Z"), at("2026-10-02T00:00:00Z"));
        history.deployment("production", "SUCCEEDED", at("2026-10-05T00:00:00Z"), null);
        history.deployment("production", "FAILED", at("2026-10-07T12:00:00Z"), at("2026-10-07T10:00:00Z"));
        history.deployment("production", "SUCCEEDED", at("2026-10-08T06:00:00Z"), at("2026-10-07T10:00:00Z"));
        history.deployment("production", "IN_PROGRESS", null, at("2026-10-06T00:00:00Z"));
        history.deployment("staging", "FAILED", at("2026-10-03T00:00:00Z"), at("2026-10-02T00:00:00Z"));
        history.deployment("staging", "SUCCEEDED", at("2026-10-03T01:00:00Z"), null);
    }

    @Test
    void the_four_figures_of_a_service_s_production_week_match_the_hand_worked_answers() throws Exception {
        writeTheWeek();

        dora("service", history.service, "from", "2026-10-01T00:00:00Z", "to", "2026-10-08T02:00:00+02:00")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value("2026-10-01T00:00:00Z"))
                .andExpect(jsonPath("$.to").value("2026-10-08T00:00:00Z"))
                .andExpect(jsonPath("$.scope.length()").value(1))
                .andExpect(jsonPath("$.scope[0].service").value(history.service))
                .andExpect(jsonPath("$.scope[0].environment").value("production"))
                .andExpect(jsonPath("$.deploymentFrequency.successfulDeployments").value(3))
                .andExpect(jsonPath("$.deploymentFrequency.perDay").value(3 / 7.0))
                .andExpect(jsonPath("$.deploymentFrequency.perWeek").value(3.0))
                .andExpect(jsonPath("$.deploymentFrequency.level").value("HIGH"))
                .andExpect(jsonPath("$.deploymentFrequency.deployments.total").value(3))
                .andExpect(jsonPath("$.deploymentFrequency.deployments.truncated").value(false))
                .andExpect(jsonPath("$.deploymentFrequency.deployments.items[0].finishedAt").value("2026-10-05T00:00:00Z"))
                .andExpect(jsonPath("$.deploymentFrequency.deployments.items[2].finishedAt").value("2026-10-01T06:00:00Z"))
                .andExpect(jsonPath("$.leadTimeForChanges.medianSeconds").value(13 * 3600.0))
                .andExpect(jsonPath("$.leadTimeForChanges.p90Seconds").value(24 * 3600.0))
                .andExpect(jsonPath("$.leadTimeForChanges.level").value("ELITE"))
                .andExpect(jsonPath("$.leadTimeForChanges.measured").value(2))
                .andExpect(jsonPath("$.leadTimeForChanges.withoutCommitTime").value(1))
                .andExpect(jsonPath("$.leadTimeForChanges.deployments.items[0].headCommitAt").value("2026-10-01T02:00:00Z"))
                .andExpect(jsonPath("$.leadTimeForChanges.deployments.items[0].leadTimeSeconds").value(24 * 3600.0))
                .andExpect(jsonPath("$.changeFailureRate.failures").value(2))
                .andExpect(jsonPath("$.changeFailureRate.finishedDeployments").value(5))
                .andExpect(jsonPath("$.changeFailureRate.rate").value(0.4))
                .andExpect(jsonPath("$.changeFailureRate.level").value("LOW"))
                .andExpect(jsonPath("$.changeFailureRate.deployments.items[0].result").value("FAILED"))
                .andExpect(jsonPath("$.changeFailureRate.deployments.items[0].reason").value("health check failed"))
                .andExpect(jsonPath("$.failedDeploymentRecoveryTime.medianSeconds").value(10 * 3600.0))
                .andExpect(jsonPath("$.failedDeploymentRecoveryTime.p90Seconds").value(18 * 3600.0))
                .andExpect(jsonPath("$.failedDeploymentRecoveryTime.level").value("HIGH"))
                .andExpect(jsonPath("$.failedDeploymentRecoveryTime.recovered").value(2))
                .andExpect(jsonPath("$.failedDeploymentRecoveryTime.unrecovered").value(0))
                .andExpect(jsonPath("$.failedDeploymentRecoveryTime.deployments.items[0].recoveredAt")
                        .value("2026-10-08T06:00:00Z"))
                .andExpect(jsonPath("$.failedDeploymentRecoveryTime.deployments.items[0].recoverySeconds")
                        .value(18 * 3600.0))
                .andExpect(jsonPath("$.failedDeploymentRecoveryTime.deployments.items[1].recoverySeconds")
                        .value(2 * 3600.0));
    }

    @Test
    void another_environment_is_measured_when_asked_for() throws Exception {
        writeTheWeek();

        // staging: s1 failed, s2 succeeded an hour later: 1 a week, 1 of 2 failed, recovered in 1 h (not under: high)
        dora("service", history.service, "environment", "staging", "from", "2026-10-01T00:00:00Z",
                "to", "2026-10-08T00:00:00Z")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scope[0].environment").value("staging"))
                .andExpect(jsonPath("$.deploymentFrequency.successfulDeployments").value(1))
                .andExpect(jsonPath("$.changeFailureRate.rate").value(0.5))
                .andExpect(jsonPath("$.failedDeploymentRecoveryTime.medianSeconds").value(3600.0))
                .andExpect(jsonPath("$.failedDeploymentRecoveryTime.level").value("HIGH"))
                .andExpect(jsonPath("$.leadTimeForChanges.medianSeconds").doesNotExist())
                .andExpect(jsonPath("$.leadTimeForChanges.level").doesNotExist())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("null"))));
    }

    @Test
    void without_a_service_every_service_is_measured_at_its_production() throws Exception {
        writeTheWeek();

        var body = dora("from", "2026-10-01T00:00:00Z", "to", "2026-10-08T00:00:00Z")
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(body).contains("{\"service\":\"" + history.service + "\",\"environment\":\"production\"}")
                .doesNotContain("{\"service\":\"" + history.service + "\",\"environment\":\"staging\"}");
    }

    @Test
    void the_deployments_behind_a_figure_are_listed_up_to_100_and_say_when_there_are_more() throws Exception {
        var start = at("2026-10-01T00:00:00Z");
        for (int i = 0; i < 101; i++) {
            history.deployment("production", "SUCCEEDED", start.plus(Duration.ofHours(i)), null);
        }

        dora("service", history.service, "from", "2026-10-01T00:00:00Z", "to", "2026-10-08T00:00:00Z")
                .andExpect(jsonPath("$.deploymentFrequency.successfulDeployments").value(101))
                .andExpect(jsonPath("$.deploymentFrequency.level").value("ELITE"))
                .andExpect(jsonPath("$.deploymentFrequency.deployments.total").value(101))
                .andExpect(jsonPath("$.deploymentFrequency.deployments.truncated").value(true))
                .andExpect(jsonPath("$.deploymentFrequency.deployments.items.length()").value(100))
                .andExpect(jsonPath("$.deploymentFrequency.deployments.items[0].finishedAt").value("2026-10-05T04:00:00Z"));

        dora("service", history.service, "from", "2026-10-01T00:00:00Z", "to", "2026-10-08T00:00:00Z", "listed", "3")
                .andExpect(jsonPath("$.deploymentFrequency.deployments.total").value(101))
                .andExpect(jsonPath("$.deploymentFrequency.deployments.items.length()").value(3))
                .andExpect(jsonPath("$.deploymentFrequency.deployments.items[0].finishedAt").value("2026-10-05T04:00:00Z"));
        dora("service", history.service, "from", "2026-10-01T00:00:00Z", "to", "2026-10-08T00:00:00Z", "listed", "0")
                .andExpect(jsonPath("$.deploymentFrequency.successfulDeployments").value(101))
                .andExpect(jsonPath("$.deploymentFrequency.deployments.total").value(101))
                .andExpect(jsonPath("$.deploymentFrequency.deployments.items.length()").value(0));
    }

    @Test
    void an_inverted_empty_or_longer_than_a_year_range_is_a_bad_request() throws Exception {
        for (var range : new String[][] { { "2026-10-08T00:00:00Z", "2026-10-01T00:00:00Z" },
                { "2026-10-01T00:00:00Z", "2026-10-01T00:00:00Z" },
                { "2025-09-29T23:59:59Z", "2026-10-01T00:00:00Z" } }) {
            dora("service", history.service, "from", range[0], "to", range[1])
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/invalid-request"));
        }
        // 366 days is the longest range
        dora("service", history.service, "from", "2025-09-29T23:59:59Z", "to", "2026-10-01T00:00:00Z")
                .andExpect(jsonPath("$.detail").value("the figures cover at most 366 days at once"));
        dora("service", history.service, "from", "2025-09-30T00:00:00Z", "to", "2026-10-01T00:00:00Z")
                .andExpect(status().isOk());
        dora("service", history.service, "from", "2026-10-01").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/invalid-request"));
        dora("service", "Not A Name").andExpect(status().isBadRequest());
        for (var listed : new String[] { "-1", "101", "many" }) {
            dora("service", history.service, "listed", listed).andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
    }

    @Test
    void an_unknown_service_or_environment_is_not_found_rather_than_measured_as_zero() throws Exception {
        dora("service", "no-such-service").andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/not-found"));
        dora("service", history.service, "environment", "no-such-environment").andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/not-found"));
        dora("environment", "no-such-environment").andExpect(status().isNotFound());
    }

    @Test
    void release_managers_change_managers_and_operators_read_the_figures_and_nobody_else() throws Exception {
        for (var role : new String[] { "release-manager", "change-manager", "operator" }) {
            mvc.perform(get("/api/v1/metrics/dora").param("service", history.service)
                    .with(TestJwts.user("reader", role))).andExpect(status().isOk());
        }
        for (var role : new String[] { "service-desk", "pipeline", "monitoring", "cab-member" }) {
            mvc.perform(get("/api/v1/metrics/dora").param("service", history.service)
                            .with(TestJwts.user("other", role)))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/forbidden"));
        }
        mvc.perform(get("/api/v1/metrics/dora")).andExpect(status().isUnauthorized());
    }

    /*
     * The last 30 days of another production, relative to now:
     *   SUCCEEDED now-3d, head commit 4 h before: 4 h; FAILED now-2d, recovered 30 min later by a SUCCEEDED without
     *   commit time; SUCCEEDED now-1d, head commit 2 h before: 2 h.
     *   3 successes / 30 days = 0.1 a day (weekly 0.7: medium, 2); lead time median 3 h, p90 4 h (elite, 4);
     *   1 failure of 4 = 0.25 (medium, 2); recovery 30 min, p50 = p90 = 1800 s (elite, 4).
     */
    @Test
    void the_gauges_show_each_environment_s_figures_over_the_last_30_days_to_an_operator() throws Exception {
        var now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        history.deployment("production", "SUCCEEDED", now.minus(Duration.ofDays(3)),
                now.minus(Duration.ofDays(3)).minus(Duration.ofHours(4)));
        history.deployment("production", "FAILED", now.minus(Duration.ofDays(2)), null);
        history.deployment("production", "SUCCEEDED", now.minus(Duration.ofDays(2)).plus(Duration.ofMinutes(30)), null);
        history.deployment("production", "SUCCEEDED", now.minus(Duration.ofDays(1)),
                now.minus(Duration.ofDays(1)).minus(Duration.ofHours(2)));

        gauges.refresh();
        var scraped = mvc.perform(get("/actuator/prometheus").with(TestJwts.user("oscar", "operator")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(value(scraped, "passerelle_dora_deployments_per_day", "")).isEqualTo(0.1);
        assertThat(value(scraped, "passerelle_dora_lead_time_seconds", "quantile=\"0.5\"")).isEqualTo(3 * 3600.0);
        assertThat(value(scraped, "passerelle_dora_lead_time_seconds", "quantile=\"0.9\"")).isEqualTo(4 * 3600.0);
        assertThat(value(scraped, "passerelle_dora_change_failure_ratio", "")).isEqualTo(0.25);
        assertThat(value(scraped, "passerelle_dora_recovery_time_seconds", "quantile=\"0.5\"")).isEqualTo(1800.0);
        assertThat(value(scraped, "passerelle_dora_level", "figure=\"deployment_frequency\"")).isEqualTo(2.0);
        assertThat(value(scraped, "passerelle_dora_level", "figure=\"lead_time\"")).isEqualTo(4.0);
        assertThat(value(scraped, "passerelle_dora_level", "figure=\"change_failure_rate\"")).isEqualTo(2.0);
        assertThat(value(scraped, "passerelle_dora_level", "figure=\"recovery_time\"")).isEqualTo(4.0);
        // staging has no deployment: a frequency of 0, no other figure
        assertThat(scraped).containsPattern("passerelle_dora_deployments_per_day\\{[^}]*environment=\"staging\""
                + "[^}]*service=\"" + history.service + "\"[^}]*} 0");
        assertThat(scraped).doesNotContainPattern("passerelle_dora_change_failure_ratio\\{[^}]*"
                + "environment=\"staging\"[^}]*service=\"" + history.service + "\"");
        mvc.perform(get("/actuator/prometheus").with(TestJwts.user("rhea", "release-manager")))
                .andExpect(status().isForbidden());

        // the Grafana dashboard reads these series, and the two counters by their exported names
        var dashboard = Files.readString(RepositoryFiles.root().resolve("infra/grafana/passerelle-dora.json"));
        var read = Pattern.compile("passerelle_[a-z_]+").matcher(dashboard).results().map(MatchResult::group)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(read).containsExactlyInAnyOrder("passerelle_dora_deployments_per_day",
                "passerelle_dora_lead_time_seconds", "passerelle_dora_change_failure_ratio",
                "passerelle_dora_recovery_time_seconds", "passerelle_dora_level", "passerelle_deployments_finished_total",
                "passerelle_changes_ended_total");
        read.stream().filter(name -> name.startsWith("passerelle_dora_"))
                .forEach(name -> assertThat(scraped).contains("\n" + name + "{"));
    }

    /** The value of the production series of this test's service, with {@code label} (or any) among its labels. */
    double value(String scraped, String metric, String label) {
        var line = Pattern.compile("^" + metric + "\\{([^}]*)} (\\S+)$", Pattern.MULTILINE).matcher(scraped).results()
                .filter(m -> m.group(1).contains("service=\"" + history.service + "\"")
                        && m.group(1).contains("environment=\"production\"") && m.group(1).contains(label))
                .toList();
        assertThat(line).as(metric + " of " + history.service + " " + label).hasSize(1);
        return Double.parseDouble(line.getFirst().group(2));
    }
}
