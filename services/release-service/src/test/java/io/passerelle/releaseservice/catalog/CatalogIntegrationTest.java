package io.passerelle.releaseservice.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import io.passerelle.platform.crypto.SecretSealer;
import io.passerelle.platform.test.EventContracts;
import io.passerelle.platform.test.EventProbe;
import io.passerelle.platform.test.TestJwts;
import io.passerelle.releaseservice.ReleaseServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@ReleaseServiceIntegrationTest
class CatalogIntegrationTest {

    static final String SECRET = "s3cr3t-webhook-value-42";

    @Autowired MockMvc mvc;
    @Autowired EventProbe events;
    @Autowired JdbcClient jdbc;
    @Autowired SecretSealer sealer;

    static String uniqueName() {
        return "svc-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String registration(String name, String repository) {
        return """
                {"name":"%s","repository":"%s","defaultBranch":"main","webhookSecret":"%s",
                 "environments":[
                   {"name":"production","order":2,"requiresApproval":true,
                    "deployTarget":{"type":"webhook","url":"https://deploy.example/prod"}},
                   {"name":"staging","order":1,"requiresApproval":false,
                    "deployTarget":{"type":"webhook","url":"http://deployer:8080/staging"}}]}"""
                .formatted(name, repository, SECRET);
    }

    MockHttpServletRequestBuilder register(String body) {
        return post("/api/v1/services").contentType(MediaType.APPLICATION_JSON).content(body);
    }

    int services(String name) {
        return jdbc.sql("select count(*) from service where name = :name").param("name", name).query(Integer.class)
                .single();
    }

    @Test
    void a_release_manager_registers_a_service_whose_secret_is_stored_and_published_only_sealed() throws Exception {
        var name = uniqueName();

        var created = mvc.perform(register(registration(name, "acme/" + name)).with(TestJwts.user("rhea", "release-manager")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/services/" + name))
                .andExpect(jsonPath("$.name").value(name))
                .andExpect(jsonPath("$.repository").value("acme/" + name))
                .andExpect(jsonPath("$.webhookSecretConfigured").value(true))
                .andExpect(jsonPath("$.webhookSecret").doesNotExist())
                .andExpect(jsonPath("$.webhookSecretSealed").doesNotExist())
                .andExpect(jsonPath("$.environments[0].name").value("staging"))
                .andExpect(jsonPath("$.environments[1].name").value("production"))
                .andExpect(jsonPath("$.environments[1].deployTarget.url").value("https://deploy.example/prod"))
                .andReturn().getResponse().getContentAsString();
        assertThat(created).doesNotContain(SECRET);

        var read = mvc.perform(get("/api/v1/services/" + name).with(TestJwts.user("sam", "service-desk")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.webhookSecretConfigured").value(true))
                .andExpect(jsonPath("$.environments.length()").value(2))
                .andReturn().getResponse().getContentAsString();
        assertThat(read).doesNotContain(SECRET).doesNotContain("webhookSecret\"");
        var list = mvc.perform(get("/api/v1/services").with(TestJwts.user("passerelle-ci", "pipeline")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("\"" + name + "\"").doesNotContain(SECRET);

        var stored = jdbc.sql("select webhook_secret_sealed from service where name = :name").param("name", name)
                .query(String.class).single();
        assertThat(stored).isNotEqualTo(SECRET).doesNotContain(SECRET);
        assertThat(sealer.unseal(stored)).isEqualTo(SECRET);

        var event = EventContracts.assertConforms(
                events.await("service.registered.v1", data -> data.get("service").asString().equals(name)));
        assertThat(event.subject()).isEqualTo(name);
        var sealed = event.data().get("webhookSecretSealed").asString();
        assertThat(event.data().toString()).doesNotContain(SECRET);
        assertThat(sealer.unseal(sealed)).isEqualTo(SECRET);
        assertThat(event.data().get("environments").get(0).get("name").asString()).isEqualTo("staging");
    }

    @Test
    void a_taken_name_or_repository_is_a_conflict_and_writes_nothing() throws Exception {
        var name = uniqueName();
        mvc.perform(register(registration(name, "acme/" + name)).with(TestJwts.user("rhea", "release-manager")))
                .andExpect(status().isCreated());

        mvc.perform(register(registration(name, "acme/other-" + name)).with(TestJwts.user("rhea", "release-manager")))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/state-conflict"))
                .andExpect(jsonPath("$.detail").value("service " + name + " is already registered"));

        var other = uniqueName();
        mvc.perform(register(registration(other, "ACME/" + name)).with(TestJwts.user("rhea", "release-manager")))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("repository ACME/" + name
                        + " is already registered as service " + name));
        assertThat(services(other)).isZero();
        assertThat(jdbc.sql("select count(*) from outbox_event where type = 'service.registered.v1' and subject in (:names)")
                .param("names", java.util.List.of(name, other)).query(Integer.class).single()).isOne();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\"name\":\"NAME\",", // upper case name
            "\"repository\":\"no-slash\",",
            "\"defaultBranch\":\"  \",",
            "\"webhookSecret\":\"too-short\",",
            "\"environments\":[],",
            "\"environments\":[{\"name\":\"staging\",\"order\":1,\"requiresApproval\":false,\"deployTarget\":{\"type\":\"webhook\",\"url\":\"https://a.example\"}},{\"name\":\"staging\",\"order\":2,\"requiresApproval\":true,\"deployTarget\":{\"type\":\"webhook\",\"url\":\"https://b.example\"}}],",
            "\"environments\":[{\"name\":\"staging\",\"order\":1,\"requiresApproval\":false,\"deployTarget\":{\"type\":\"webhook\",\"url\":\"https://a.example\"}},{\"name\":\"production\",\"order\":1,\"requiresApproval\":true,\"deployTarget\":{\"type\":\"webhook\",\"url\":\"https://b.example\"}}],",
            "\"environments\":[{\"name\":\"staging\",\"order\":0,\"requiresApproval\":false,\"deployTarget\":{\"type\":\"webhook\",\"url\":\"https://a.example\"}}],",
            "\"environments\":[{\"name\":\"staging\",\"order\":1,\"requiresApproval\":false,\"deployTarget\":{\"type\":\"ssh\",\"url\":\"https://a.example\"}}],",
            "\"environments\":[{\"name\":\"staging\",\"order\":1,\"requiresApproval\":false,\"deployTarget\":{\"type\":\"webhook\",\"url\":\"ftp://a.example\"}}],",
            "\"environments\":[{\"name\":\"staging\",\"order\":1,\"requiresApproval\":false,\"deployTarget\":{\"type\":\"webhook\",\"url\":\"https://\"}}],",
            "\"environments\":[{\"name\":\"staging\",\"order\":1,\"requiresApproval\":false}],",
            "\"owner\":\"someone\",",
            "\"environments\":[{\"name\":\"staging\",\"order\":1,\"requiresApproval\":false,\"deployTarget\":{\"type\":\"webhook\",\"url\":\"https://a.example\"},\"promotion\":{\"mode\":\"manual\"}}],", // the first environment waits for no one
            "\"environments\":[{\"name\":\"staging\",\"order\":1,\"requiresApproval\":false,\"deployTarget\":{\"type\":\"webhook\",\"url\":\"https://a.example\"}},{\"name\":\"production\",\"order\":2,\"requiresApproval\":true,\"deployTarget\":{\"type\":\"webhook\",\"url\":\"https://b.example\"},\"promotion\":{\"mode\":\"soak\"}}],", // soak without its time
            "\"environments\":[{\"name\":\"staging\",\"order\":1,\"requiresApproval\":false,\"deployTarget\":{\"type\":\"webhook\",\"url\":\"https://a.example\"}},{\"name\":\"production\",\"order\":2,\"requiresApproval\":true,\"deployTarget\":{\"type\":\"webhook\",\"url\":\"https://b.example\"},\"promotion\":{\"mode\":\"manual\",\"soak\":\"PT1H\"}}],", // a time without soak
            "\"environments\":[{\"name\":\"staging\",\"order\":1,\"requiresApproval\":false,\"deployTarget\":{\"type\":\"webhook\",\"url\":\"https://a.example\"}},{\"name\":\"production\",\"order\":2,\"requiresApproval\":true,\"deployTarget\":{\"type\":\"webhook\",\"url\":\"https://b.example\"},\"promotion\":{\"mode\":\"soak\",\"soak\":\"PT0S\"}}],",
            "\"environments\":[{\"name\":\"staging\",\"order\":1,\"requiresApproval\":false,\"deployTarget\":{\"type\":\"webhook\",\"url\":\"https://a.example\"}},{\"name\":\"production\",\"order\":2,\"requiresApproval\":true,\"deployTarget\":{\"type\":\"webhook\",\"url\":\"https://b.example\"},\"promotion\":{\"mode\":\"soak\",\"soak\":\"P15D\"}}],", // over 14 days
            "\"environments\":[{\"name\":\"staging\",\"order\":1,\"requiresApproval\":false,\"deployTarget\":{\"type\":\"webhook\",\"url\":\"https://a.example\"}},{\"name\":\"production\",\"order\":2,\"requiresApproval\":true,\"deployTarget\":{\"type\":\"webhook\",\"url\":\"https://b.example\"},\"promotion\":{\"mode\":\"soak\",\"soak\":\"one hour\"}}],",
            "\"environments\":[{\"name\":\"staging\",\"order\":1,\"requiresApproval\":false,\"deployTarget\":{\"type\":\"webhook\",\"url\":\"https://a.example\"}},{\"name\":\"production\",\"order\":2,\"requiresApproval\":true,\"deployTarget\":{\"type\":\"webhook\",\"url\":\"https://b.example\"},\"promotion\":{\"mode\":\"later\"}}],",
            "\"environments\":[{\"name\":\"staging\",\"order\":1,\"requiresApproval\":false,\"deployTarget\":{\"type\":\"webhook\",\"url\":\"https://a.example\"},\"requiredChecks\":[\"build\",\"build\"]}],",
            "\"environments\":[{\"name\":\"staging\",\"order\":1,\"requiresApproval\":false,\"deployTarget\":{\"type\":\"webhook\",\"url\":\"https://a.example\"},\"requiredChecks\":[\" \"]}],",
            "\"environments\":[{\"name\":\"staging\",\"order\":1,\"requiresApproval\":false,\"deployTarget\":{\"type\":\"webhook\",\"url\":\"https://a.example\"},\"requiredChecks\":[\"\"]}],",
            "\"environments\":[{\"name\":\"staging\",\"order\":1,\"requiresApproval\":false,\"deployTarget\":{\"type\":\"webhook\",\"url\":\"https://a.example\"},\"requiredChecks\":[null]}],",
            "\"environments\":[{\"name\":\"staging\",\"order\":1,\"requiresApproval\":false,\"deployTarget\":{\"type\":\"webhook\",\"url\":\"https://a.example\"},\"requiredChecks\":\"build\"}],",
            "\"environments\":[{\"name\":\"staging\",\"order\":1,\"requiresApproval\":false,\"deployTarget\":{\"type\":\"webhook\",\"url\":\"https://a.example\"},\"requiredChecks\":[\" build\"]}],",
            "\"environments\":[{\"name\":\"staging\",\"order\":1,\"requiresApproval\":false,\"deployTarget\":{\"type\":\"webhook\",\"url\":\"https://a.example\"},\"requiredChecks\":[\"bu\\u0000ild\"]}],",
            "\"environments\":[{\"name\":\"staging\",\"order\":1,\"requiresApproval\":false,\"deployTarget\":{\"type\":\"webhook\",\"url\":\"https://a.example\"},\"requiredChecks\":[42]}],"
    })
    void an_invalid_registration_is_a_bad_request_and_writes_nothing(String override) throws Exception {
        var name = uniqueName();
        // the override comes first; a later duplicate key would win in JSON, so valid fields are left out
        var body = invalid(name, override);

        mvc.perform(register(body).with(TestJwts.user("rhea", "release-manager")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/invalid-request"))
                .andExpect(jsonPath("$.detail").isNotEmpty());

        assertThat(services(name)).isZero();
        assertThat(jdbc.sql("select count(*) from service where name = 'NAME'").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from outbox_event where type = 'service.registered.v1' and subject = :name")
                .param("name", name).query(Integer.class).single()).isZero();
    }

    /** Issue 5, defect 3: deploy targets aimed inside are refused at registration (no allow-list in these tests). */
    @ParameterizedTest
    @ValueSource(strings = { "http://169.254.169.254/latest/meta-data", "http://[::ffff:169.254.169.254]/latest",
            "http://[fd00:ec2::254]/latest/meta-data", "http://metadata.google.internal/computeMetadata/v1/",
            "http://127.0.0.1:8099/deploy", "http://10.0.0.5/deploy", "http://localhost:8080/actuator" })
    void a_deploy_target_aimed_inside_is_refused_by_rule_naming_the_field_and_writes_nothing(String url)
            throws Exception {
        var name = uniqueName();
        var body = invalid(name, "\"environments\":[{\"name\":\"staging\",\"order\":1,\"requiresApproval\":false,"
                + "\"deployTarget\":{\"type\":\"webhook\",\"url\":\"" + url + "\"}}],");

        mvc.perform(register(body).with(TestJwts.user("rhea", "release-manager")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/rule-violated"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith(
                        "environments[0].deployTarget.url: " + url + " is refused: ")));
        assertThat(services(name)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://good@169.254.169.254/", "http://0xA9FEA9FE/latest/meta-data",
            "http://2852039166/", "http://169.254.43518/" })
    void a_deploy_target_url_that_disguises_its_host_is_a_bad_request_naming_the_field(String url) throws Exception {
        var name = uniqueName();
        var body = invalid(name, "\"environments\":[{\"name\":\"staging\",\"order\":1,\"requiresApproval\":false,"
                + "\"deployTarget\":{\"type\":\"webhook\",\"url\":\"" + url + "\"}}],");

        mvc.perform(register(body).with(TestJwts.user("rhea", "release-manager")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/invalid-request"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith(
                        "environments[0].deployTarget.url: " + url + " ")));
        assertThat(services(name)).isZero();
    }

    /** A valid registration with one field replaced (or, for an unknown field, added). */
    static String invalid(String name, String override) {
        var key = override.substring(1, override.indexOf('"', 1));
        var fields = new java.util.LinkedHashMap<String, String>();
        fields.put("name", "\"" + name + "\"");
        fields.put("repository", "\"acme/" + name + "\"");
        fields.put("defaultBranch", "\"main\"");
        fields.put("webhookSecret", "\"" + SECRET + "\"");
        fields.put("environments", "[{\"name\":\"staging\",\"order\":1,\"requiresApproval\":false,"
                + "\"deployTarget\":{\"type\":\"webhook\",\"url\":\"https://deploy.example\"}}]");
        fields.remove(key);
        var json = new StringBuilder("{").append(override);
        fields.forEach((k, v) -> json.append('"').append(k).append("\":").append(v).append(','));
        json.setLength(json.length() - 1);
        return json.append('}').toString();
    }

    @Test
    void required_checks_are_stored_and_returned_in_reads_and_needless_in_the_event() throws Exception {
        var name = uniqueName();
        mvc.perform(register(registration(name, "acme/" + name).replace("\"order\":2,",
                        "\"order\":2,\"requiredChecks\":[\"CI / build\",\"e2e (matrix)\"],"))
                        .with(TestJwts.user("rhea", "release-manager")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.environments[0].requiredChecks.length()").value(0))
                .andExpect(jsonPath("$.environments[1].requiredChecks[0]").value("CI / build"))
                .andExpect(jsonPath("$.environments[1].requiredChecks[1]").value("e2e (matrix)"));

        mvc.perform(get("/api/v1/services/" + name).with(TestJwts.user("passerelle-ci", "pipeline")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.environments[1].name").value("production"))
                .andExpect(jsonPath("$.environments[1].requiredChecks[1]").value("e2e (matrix)"));
        mvc.perform(get("/api/v1/services/" + name).with(TestJwts.user("prometheus", "monitoring")))
                .andExpect(status().isForbidden());
        var event = events.await("service.registered.v1", data -> data.get("service").asString().equals(name));
        assertThat(event.data().toString()).as("no other service reads them").doesNotContain("requiredChecks");
    }

    @Test
    void too_many_or_too_long_required_checks_are_a_bad_request_and_write_nothing() throws Exception {
        var tooMany = java.util.stream.IntStream.rangeClosed(1, 21).mapToObj(i -> "\"check-" + i + "\"")
                .collect(java.util.stream.Collectors.joining(","));
        for (var checks : java.util.List.of("[" + tooMany + "]", "[\"" + "x".repeat(201) + "\"]")) {
            var name = uniqueName();
            mvc.perform(register(registration(name, "acme/" + name).replace("\"order\":2,",
                            "\"order\":2,\"requiredChecks\":" + checks + ","))
                            .with(TestJwts.user("rhea", "release-manager")))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("requiredChecks")));
            assertThat(services(name)).isZero();
        }
    }

    @Test
    void registering_needs_a_token_and_the_release_manager_role() throws Exception {
        var name = uniqueName();
        mvc.perform(register(registration(name, "acme/" + name)))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(register(registration(name, "acme/" + name)).with(TestJwts.user("alice", "change-manager")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(register(registration(name, "acme/" + name)).with(TestJwts.user("passerelle-ci", "pipeline")))
                .andExpect(status().isForbidden());
        assertThat(services(name)).isZero();
    }

    @Test
    void reading_the_catalog_needs_a_reader_role() throws Exception {
        mvc.perform(get("/api/v1/services")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/services").with(TestJwts.user("prometheus", "monitoring")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/services").with(TestJwts.user("alice", "change-manager")))
                .andExpect(status().isOk());
    }

    @Test
    void an_unknown_service_is_not_found() throws Exception {
        mvc.perform(get("/api/v1/services/no-such-service").with(TestJwts.user("rhea", "release-manager")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/not-found"));
    }
}
