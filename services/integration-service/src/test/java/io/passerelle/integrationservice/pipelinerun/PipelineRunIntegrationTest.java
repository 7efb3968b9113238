package io.passerelle.integrationservice.pipelinerun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import io.passerelle.integrationservice.TestCatalog;
import io.passerelle.platform.test.EventContracts;
import io.passerelle.platform.test.EventProbe;
import io.passerelle.platform.test.PasserelleIntegrationTest;
import io.passerelle.platform.test.TestJwts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** POST /api/v1/pipeline-runs: role pipeline, idempotent by key, the golden path's pipeline events. */
@PasserelleIntegrationTest
@AutoConfigureMockMvc
class PipelineRunIntegrationTest {

    static final String SHA = "4f2c1a9e8b7d6c5b4a3928171615141312111009";

    @Autowired MockMvc mvc;
    @Autowired EventProbe events;
    @Autowired JdbcClient jdbc;

    TestCatalog.Registered service;

    @BeforeEach
    void registerAService() {
        service = TestCatalog.register(events, jdbc, "main");
    }

    String run(String result, String branch) {
        return """
                {"service":"%s","commit":"%s","branch":"%s","result":"%s","runUrl":"https://jenkins.example/job/p/42/",
                 "runNumber":42,"pipeline":"build","evidence":{"tests":{"passed":120,"failed":0,"skipped":3},
                 "checks":[{"name":"unit","result":"success"}]}}""".formatted(service.service(), SHA, branch, result);
    }

    static MockHttpServletRequestBuilder report(String key, String body) {
        return post("/api/v1/pipeline-runs").contentType(MediaType.APPLICATION_JSON).content(body)
                .header("Idempotency-Key", key);
    }

    int eventsFor(String key) {
        return jdbc.sql("""
                select count(*) from outbox_event where type in ('pipeline.succeeded.v1', 'pipeline.failed.v1')
                and payload -> 'data' ->> 'deliveryId' = :id""").param("id", key).query(Integer.class).single();
    }

    int recorded(String key) {
        return jdbc.sql("select count(*) from pipeline_run where idempotency_key = :k").param("k", key)
                .query(Integer.class).single();
    }

    @Test
    void a_green_run_publishes_its_check_and_its_evidence_s_checks_once_whatever_the_retries() throws Exception {
        var key = "jenkins-" + UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            mvc.perform(report(key, run("success", "main")).with(TestJwts.user("jenkins", "pipeline")))
                    .andExpect(status().isAccepted())
                    .andExpect(jsonPath("$.outcome").value("accepted"))
                    .andExpect(jsonPath("$.events").value(2));
        }
        var event = EventContracts.assertConforms(events.await("pipeline.succeeded.v1",
                d -> d.get("deliveryId").asString().equals(key) && d.get("pipelineName").asString().equals("build")));
        assertThat(event.data().get("provider").asString()).isEqualTo("rest");
        assertThat(event.data().get("commitSha").asString()).isEqualTo(SHA);
        assertThat(event.data().get("runId").asString()).isEqualTo(key);
        assertThat(event.data().get("runNumber").asLong()).isEqualTo(42);
        assertThat(event.data().get("actor").asString()).isEqualTo("jenkins");
        assertThat(eventsFor(key)).isEqualTo(2);
        assertThat(jdbc.sql("select evidence ->> 'tests' from pipeline_run where idempotency_key = :k")
                .param("k", key).query(String.class).single()).contains("120");
    }

    @Test
    void a_red_run_publishes_pipeline_failed_and_another_branch_is_ignored() throws Exception {
        var key = "k-" + UUID.randomUUID();
        mvc.perform(report(key, run("failure", "main")).with(TestJwts.user("jenkins", "pipeline")))
                .andExpect(status().isAccepted());
        var failed = EventContracts.assertConforms(events.await("pipeline.failed.v1",
                d -> d.get("deliveryId").asString().equals(key)));
        assertThat(failed.data().get("conclusion").asString()).isEqualTo("failure");

        var other = "k-" + UUID.randomUUID();
        mvc.perform(report(other, run("success", "feature/x")).with(TestJwts.user("jenkins", "pipeline")))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.outcome").value("ignored"))
                .andExpect(jsonPath("$.reason").value("branch 'feature/x' is not the default branch 'main' of "
                        + service.service()));
        assertThat(eventsFor(other)).isZero();
    }

    @Test
    void the_same_key_with_another_run_is_422_and_publishes_nothing_more() throws Exception {
        var key = "k-" + UUID.randomUUID();
        mvc.perform(report(key, run("success", "main")).with(TestJwts.user("jenkins", "pipeline")))
                .andExpect(status().isAccepted());
        mvc.perform(report(key, run("failure", "main")).with(TestJwts.user("jenkins", "pipeline")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/idempotency-key-reused"));
        assertThat(eventsFor(key)).isEqualTo(2);
    }

    @Test
    void only_the_pipeline_role_may_report_and_nothing_is_written_otherwise() throws Exception {
        var key = "k-" + UUID.randomUUID();
        mvc.perform(report(key, run("success", "main")).with(TestJwts.user("rita", "release-manager")))
                .andExpect(status().isForbidden());
        mvc.perform(report(key, run("success", "main")).with(TestJwts.user("mon", "monitoring")))
                .andExpect(status().isForbidden());
        mvc.perform(report(key, run("success", "main"))).andExpect(status().isUnauthorized());
        assertThat(recorded(key)).isZero();
        assertThat(eventsFor(key)).isZero();
    }

    @Test
    void bad_input_and_an_unknown_service_are_refused_writing_nothing() throws Exception {
        var key = "k-" + UUID.randomUUID();
        var jwt = TestJwts.user("jenkins", "pipeline");
        mvc.perform(report(key, "{not json").with(jwt)).andExpect(status().isBadRequest());
        mvc.perform(report(key, run("maybe", "main")).with(jwt)).andExpect(status().isBadRequest());
        mvc.perform(report(key, run("success", "main").replace(SHA, "not-a-sha")).with(jwt))
                .andExpect(status().isBadRequest());
        mvc.perform(report(key, run("success", "main").replace("\"unit\",\"result\":\"success\"}",
                "\"unit\",\"result\":\"success\"},{\"name\":\"unit\",\"result\":\"failure\"}")).with(jwt))
                .andExpect(status().isBadRequest());
        mvc.perform(report(key, run("success", "main").replace(service.service(), "no-such-service")).with(jwt))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/pipeline-runs").contentType(MediaType.APPLICATION_JSON)
                        .content(run("success", "main")).with(jwt))
                .andExpect(status().isBadRequest());
        assertThat(recorded(key)).isZero();
        assertThat(eventsFor(key)).isZero();
    }
}
