package io.passerelle.integrationservice.cdeventsin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.util.UUID;

import io.passerelle.integrationservice.TestCatalog;
import io.passerelle.platform.test.EventContracts;
import io.passerelle.platform.test.EventProbe;
import io.passerelle.platform.test.PasserelleIntegrationTest;
import io.passerelle.platform.test.RepositoryFiles;
import io.passerelle.platform.test.TestJwts;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * POST /webhooks/cdevents with the CDEvents v0.5.1 conformance vectors, in both content modes, pointed at a registered
 * service; and the senders API (role operator).
 */
@PasserelleIntegrationTest
@AutoConfigureMockMvc
class CdEventsInIntegrationTest {

    static final MediaType STRUCTURED = MediaType.parseMediaType("application/cloudevents+json");

    @Autowired MockMvc mvc;
    @Autowired EventProbe events;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;

    TestCatalog.Registered service;
    String sender;
    String token;

    @BeforeEach
    void registerAServiceAndASender() throws Exception {
        Assumptions.assumeTrue(RepositoryFiles.vectors().isPresent(), RepositoryFiles.NO_VECTORS);
        service = TestCatalog.register(events, jdbc, "main", "staging", "prod");
        sender = "tool-" + UUID.randomUUID().toString().substring(0, 8);
        token = "tok-" + UUID.randomUUID() + UUID.randomUUID();
        mvc.perform(put("/api/v1/cdevents/senders/" + sender).with(TestJwts.user("oscar", "operator"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"token\":\"" + token + "\"}"))
                .andExpect(status().isOk());
    }

    /** A conformance vector with a fresh context.id, as it is in the spec. */
    ObjectNode vector(String file) throws Exception {
        var path = RepositoryFiles.vectors().orElseThrow().resolve("cdevents-v0.5.1/conformance").resolve(file);
        var cdevent = (ObjectNode) json.readTree(Files.readAllBytes(path));
        ((ObjectNode) cdevent.get("context")).put("id", UUID.randomUUID().toString());
        return cdevent;
    }

    /** The vector about the registered service: what each type needs to name it (docs/integrations/cdevents.md). */
    ObjectNode forTheService(String file) throws Exception {
        var cdevent = vector(file);
        var content = (ObjectNode) cdevent.get("subject").get("content");
        switch (file) {
            case "pipelinerun_finished.json" -> {
                content.put("outcome", "success");
                cdevent.putObject("customData").put("service", service.service())
                        .put("commitSha", "0b31b1c02ff458ad9b7b81cbdf8f028bd5469900").put("branch", "main");
            }
            case "incident_detected.json", "incident_resolved.json" -> {
                ((ObjectNode) content.get("service")).put("id", service.service());
                ((ObjectNode) content.get("environment")).put("id", "prod");
            }
            default -> {
                content.put("artifactId", "pkg:oci/" + service.service() + "@1.4.2");
                ((ObjectNode) content.get("environment")).put("id", "prod");
            }
        }
        return cdevent;
    }

    static String id(ObjectNode cdevent) {
        return cdevent.get("context").get("id").asString();
    }

    static String source(ObjectNode cdevent) {
        return cdevent.get("context").get("source").asString();
    }

    static String type(ObjectNode cdevent) {
        return cdevent.get("context").get("type").asString();
    }

    ResultActions structured(ObjectNode cdevent, String bearer) throws Exception {
        var envelope = json.createObjectNode().put("specversion", "1.0").put("id", id(cdevent))
                .put("source", source(cdevent)).put("type", type(cdevent))
                .put("datacontenttype", "application/json");
        envelope.set("data", cdevent);
        return mvc.perform(post("/webhooks/cdevents").contentType(STRUCTURED).content(json.writeValueAsBytes(envelope))
                .header("Authorization", "Bearer " + bearer));
    }

    ResultActions binary(ObjectNode cdevent, String bearer) throws Exception {
        return mvc.perform(post("/webhooks/cdevents").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsBytes(cdevent)).header("Authorization", "Bearer " + bearer)
                .header("ce-specversion", "1.0").header("ce-id", id(cdevent)).header("ce-source", source(cdevent))
                .header("ce-type", type(cdevent)));
    }

    ResultActions send(String mode, ObjectNode cdevent, String bearer) throws Exception {
        return "binary".equals(mode) ? binary(cdevent, bearer) : structured(cdevent, bearer);
    }

    int received(ObjectNode cdevent) {
        return jdbc.sql("select count(*) from cdevent_received where source = :s and id = :i")
                .param("s", source(cdevent)).param("i", id(cdevent)).query(Integer.class).single();
    }

    int published(String type, String field, String value) {
        return jdbc.sql("select count(*) from outbox_event where type = :t and payload -> 'data' ->> '" + field
                + "' = :v").param("t", type).param("v", value).query(Integer.class).single();
    }

    @ParameterizedTest
    @ValueSource(strings = {"structured", "binary"})
    void service_deployed_upgraded_and_rolledback_vectors_publish_deployment_observed(String mode) throws Exception {
        for (var file : new String[] {"service_deployed.json", "service_upgraded.json", "service_rolledback.json"}) {
            var cdevent = forTheService(file);
            send(mode, cdevent, token).andExpect(status().isAccepted())
                    .andExpect(jsonPath("$.outcome").value("accepted"))
                    .andExpect(jsonPath("$.reason").value("1 event(s): deployment.observed.v1"));
            var observed = EventContracts.assertConforms(events.await("deployment.observed.v1",
                    d -> d.get("externalId").asString().equals(id(cdevent)))).data();
            assertThat(observed.get("service").asString()).isEqualTo(service.service());
            assertThat(observed.get("environment").asString()).isEqualTo("prod");
            assertThat(observed.get("version").asString()).isEqualTo("1.4.2");
            assertThat(observed.has("commitSha")).isFalse();
            assertThat(observed.get("outcome").asString()).isEqualTo("SUCCEEDED");
            assertThat(observed.get("kind").asString()).isEqualTo(file.substring("service_".length(),
                    file.length() - ".json".length()));
            assertThat(observed.get("intake").asString()).isEqualTo("cdevents");
            assertThat(observed.get("tool").asString()).isEqualTo(sender);
            assertThat(observed.get("source").asString()).isEqualTo("/event/source/123");
            assertThat(observed.get("finishedAt").asString()).isEqualTo("2023-03-20T14:27:05.315384Z");
            assertThat(received(cdevent)).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"structured", "binary"})
    void a_pipelinerun_finished_vector_publishes_a_pipeline_event_like_any_ci(String mode) throws Exception {
        var green = forTheService("pipelinerun_finished.json");
        send(mode, green, token).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.reason").value("1 event(s): pipeline.succeeded.v1"));
        var succeeded = EventContracts.assertConforms(events.await("pipeline.succeeded.v1",
                d -> d.get("deliveryId").asString().equals(source(green) + "#" + id(green)))).data();
        assertThat(succeeded.get("service").asString()).isEqualTo(service.service());
        assertThat(succeeded.get("provider").asString()).isEqualTo("cdevents");
        assertThat(succeeded.get("commitSha").asString()).isEqualTo("0b31b1c02ff458ad9b7b81cbdf8f028bd5469900");
        assertThat(succeeded.get("branch").asString()).isEqualTo("main");
        assertThat(succeeded.get("pipelineName").asString()).isEqualTo("myPipeline");
        assertThat(succeeded.get("runId").asString()).isEqualTo("mySubject123");
        assertThat(succeeded.get("runUrl").asString()).isEqualTo("https://www.example.com/mySubject123");
        assertThat(succeeded.get("actor").asString()).isEqualTo("cdevents:" + sender);

        var red = forTheService("pipelinerun_finished.json");
        ((ObjectNode) red.get("subject").get("content")).put("outcome", "failure");
        send(mode, red, token).andExpect(status().isAccepted());
        var failed = EventContracts.assertConforms(events.await("pipeline.failed.v1",
                d -> d.get("deliveryId").asString().equals(source(red) + "#" + id(red)))).data();
        assertThat(failed.get("conclusion").asString()).isEqualTo("failure");

        var otherBranch = forTheService("pipelinerun_finished.json");
        ((ObjectNode) otherBranch.get("customData")).put("branch", "feature");
        send(mode, otherBranch, token).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.outcome").value("ignored"))
                .andExpect(jsonPath("$.reason").value("branch 'feature' is not the default branch 'main' of "
                        + service.service()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"structured", "binary"})
    void incident_detected_and_resolved_vectors_fire_and_resolve_an_alert_of_source_cdevents(String mode)
            throws Exception {
        var detected = forTheService("incident_detected.json");
        var subject = UUID.randomUUID().toString();
        ((ObjectNode) detected.get("subject")).put("id", subject);
        send(mode, detected, token).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.reason").value("alert.fired.v1"));
        var fired = EventContracts.assertConforms(events.await("alert.fired.v1",
                d -> subject.equals(d.path("labels").path("incident").asString()))).data();
        assertThat(fired.get("source").asString()).isEqualTo("cdevents");
        assertThat(fired.get("service").asString()).isEqualTo(service.service());
        assertThat(fired.get("environment").asString()).isEqualTo("prod");
        assertThat(fired.get("summary").asString()).isEqualTo("Response time above threshold of 100ms");
        assertThat(fired.get("startsAt").asString()).isEqualTo("2022-11-11T13:52:20.079Z");

        var resolved = forTheService("incident_resolved.json");
        ((ObjectNode) resolved.get("subject")).put("id", subject);
        send(mode, resolved, token).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.reason").value("alert.resolved.v1"));
        var cleared = EventContracts.assertConforms(events.await("alert.resolved.v1",
                d -> d.get("fingerprint").asString().equals(fired.get("fingerprint").asString()))).data();
        assertThat(cleared.get("source").asString()).isEqualTo("cdevents");
        assertThat(cleared.get("service").asString()).isEqualTo(service.service());
    }

    @Test
    void the_vectors_as_they_are_name_no_catalogued_service_and_are_refused_so_the_sender_sends_them_again()
            throws Exception {
        var deployed = vector("service_deployed.json");
        structured(deployed, token).andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/unknown-service"))
                .andExpect(jsonPath("$.pointer").value("/subject/content/artifactId"));
        var run = vector("pipelinerun_finished.json");
        binary(run, token).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/invalid-cdevent"))
                .andExpect(jsonPath("$.pointer").value("/customData/service"));
        var environment = forTheService("service_upgraded.json");
        ((ObjectNode) environment.get("subject").get("content").get("environment")).put("id", "test123");
        binary(environment, token).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/unknown-service"))
                .andExpect(jsonPath("$.pointer").value("/subject/content/environment/id"));
        assertThat(received(deployed) + received(run) + received(environment)).isZero();
        // an incident names a service the way monitoring does: unknown, it is published unattributed
        var incident = vector("incident_detected.json");
        structured(incident, token).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.reason").value(Matchers.startsWith("alert.fired.v1 (unattributed")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"structured", "binary"})
    void a_schema_violation_is_refused_naming_the_field_and_nothing_is_written(String mode) throws Exception {
        var cdevent = forTheService("service_deployed.json");
        ((ObjectNode) cdevent.get("subject").get("content")).remove("artifactId");
        send(mode, cdevent, token).andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/invalid-cdevent"))
                .andExpect(jsonPath("$.pointer").value("/subject/content/artifactId"))
                .andExpect(jsonPath("$.errors[0].pointer").value("/subject/content/artifactId"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("/subject/content/artifactId")));
        var wrongOutcome = forTheService("pipelinerun_finished.json");
        ((ObjectNode) wrongOutcome.get("subject").get("content")).put("outcome", "green");
        send(mode, wrongOutcome, token).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.pointer").value("/subject/content/outcome"));
        assertThat(received(cdevent) + received(wrongOutcome)).isZero();
        assertThat(published("deployment.observed.v1", "externalId", id(cdevent))).isZero();
    }

    @Test
    void the_cloud_events_type_must_be_the_cdevents_context_type() throws Exception {
        var cdevent = forTheService("service_deployed.json");
        mvc.perform(post("/webhooks/cdevents").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsBytes(cdevent)).header("Authorization", "Bearer " + token)
                        .header("ce-specversion", "1.0").header("ce-id", id(cdevent))
                        .header("ce-source", source(cdevent)).header("ce-type", "dev.cdevents.service.upgraded.0.3.0"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.pointer").value("/context/type"));
        assertThat(received(cdevent)).isZero();
    }

    @Test
    void the_same_source_and_id_again_is_a_duplicate_that_publishes_nothing() throws Exception {
        var cdevent = forTheService("service_deployed.json");
        structured(cdevent, token).andExpect(status().isAccepted());
        binary(cdevent, token).andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("duplicate"));
        structured(cdevent, token).andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("duplicate"));
        assertThat(received(cdevent)).isEqualTo(1);
        assertThat(published("deployment.observed.v1", "externalId", id(cdevent))).isEqualTo(1);
    }

    @Test
    void another_cdevent_type_is_ignored_with_the_reason() throws Exception {
        var build = vector("build_finished.json");
        binary(build, token).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.outcome").value("ignored"))
                .andExpect(jsonPath("$.reason").value(Matchers.startsWith(
                        "CDEvent type dev.cdevents.build.finished.0.3.0 is not taken in")));
        assertThat(received(build)).isZero();
    }

    @Test
    void without_a_senders_token_nothing_is_read_nor_written() throws Exception {
        var cdevent = forTheService("service_deployed.json");
        structured(cdevent, "not-" + token).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/unauthenticated"));
        mvc.perform(post("/webhooks/cdevents").contentType(STRUCTURED).content("{not even json"))
                .andExpect(status().isUnauthorized());
        // a JWT of the realm is not a sender's token either
        mvc.perform(post("/webhooks/cdevents").with(TestJwts.user("oscar", "operator")).contentType(STRUCTURED)
                .content("{}")).andExpect(status().isUnauthorized());
        // a removed sender's token no longer authenticates
        mvc.perform(delete("/api/v1/cdevents/senders/" + sender).with(TestJwts.user("oscar", "operator")))
                .andExpect(status().isNoContent());
        binary(cdevent, token).andExpect(status().isUnauthorized());
        assertThat(received(cdevent)).isZero();
    }

    @Test
    void bad_content_types_and_envelopes_are_refused_and_an_oversized_body_is_413() throws Exception {
        var cdevent = forTheService("service_deployed.json");
        mvc.perform(post("/webhooks/cdevents").contentType(MediaType.TEXT_PLAIN).content("x")
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isUnsupportedMediaType());
        mvc.perform(post("/webhooks/cdevents").contentType("application/cloudevents-batch+json").content("[]")
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isUnsupportedMediaType());
        mvc.perform(post("/webhooks/cdevents").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsBytes(cdevent)).header("Authorization", "Bearer " + token))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("binary mode needs")));
        mvc.perform(post("/webhooks/cdevents").contentType(STRUCTURED)
                        .content("{\"specversion\":\"0.3\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\",\"data\":{}}")
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/webhooks/cdevents").contentType(STRUCTURED).content("{not json")
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/invalid-request"));
        var big = new byte[1024 * 1024 + 10];
        java.util.Arrays.fill(big, (byte) ' ');
        mvc.perform(post("/webhooks/cdevents").contentType(STRUCTURED).content(big)
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(received(cdevent)).isZero();
    }

    @Test
    void operators_register_list_and_remove_senders_whose_tokens_are_sealed_and_never_returned() throws Exception {
        mvc.perform(get("/api/v1/cdevents/senders").with(TestJwts.user("oscar", "operator")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.name == '" + sender + "')].tokenConfigured").value(true))
                .andExpect(jsonPath("$[?(@.name == '" + sender + "')].updatedBy").value("oscar"))
                .andExpect(content().string(Matchers.not(Matchers.containsString(token))))
                .andExpect(jsonPath("$[0].token").doesNotExist());
        var sealed = jdbc.sql("select token_sealed from cdevent_sender where name = :n").param("n", sender)
                .query(String.class).single();
        assertThat(sealed).doesNotContain(token);

        var rotated = "rotated-" + UUID.randomUUID() + UUID.randomUUID();
        mvc.perform(put("/api/v1/cdevents/senders/" + sender).with(TestJwts.user("oscar", "operator"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"token\":\"" + rotated + "\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.token").doesNotExist());
        structured(forTheService("service_deployed.json"), token).andExpect(status().isUnauthorized());
        structured(forTheService("service_deployed.json"), rotated).andExpect(status().isAccepted());

        mvc.perform(delete("/api/v1/cdevents/senders/" + sender).with(TestJwts.user("oscar", "operator")))
                .andExpect(status().isNoContent());
        mvc.perform(delete("/api/v1/cdevents/senders/" + sender).with(TestJwts.user("oscar", "operator")))
                .andExpect(status().isNotFound());
    }

    @Test
    void only_operators_manage_senders_and_bad_input_writes_nothing() throws Exception {
        var other = "other-" + UUID.randomUUID().toString().substring(0, 8);
        var body = "{\"token\":\"" + token + "\"}";
        for (var role : new String[] {"pipeline", "monitoring", "change-manager"}) {
            mvc.perform(put("/api/v1/cdevents/senders/" + other).with(TestJwts.user("mallory", role))
                    .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
            mvc.perform(get("/api/v1/cdevents/senders").with(TestJwts.user("mallory", role)))
                    .andExpect(status().isForbidden());
            mvc.perform(delete("/api/v1/cdevents/senders/" + sender).with(TestJwts.user("mallory", role)))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/v1/cdevents/senders")).andExpect(status().isUnauthorized());
        mvc.perform(put("/api/v1/cdevents/senders/" + other).with(TestJwts.user("oscar", "operator"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"token\":\"short\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(put("/api/v1/cdevents/senders/Not_A_Name").with(TestJwts.user("oscar", "operator"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest());
        mvc.perform(put("/api/v1/cdevents/senders/" + other).with(TestJwts.user("oscar", "operator"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"token\":\"" + token + "\",\"x\":1}"))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select count(*) from cdevent_sender where name = :n").param("n", other)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from cdevent_sender where name = :n").param("n", sender)
                .query(Integer.class).single()).isEqualTo(1);
    }
}
