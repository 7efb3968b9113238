package io.passerelle.releaseservice.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.passerelle.platform.crypto.SecretSealer;
import io.passerelle.platform.test.EventContracts;
import io.passerelle.platform.test.EventProbe;
import io.passerelle.platform.test.TestJwts;
import io.passerelle.releaseservice.ReleaseServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Executor types in the catalog (issue 8): each environment's deploy target is an executor with its settings and a
 * write-only credential, stored and carried only sealed (to integration-service, in deployment.requested.v1), never
 * returned; a target its type does not allow is a 400 naming the field, an address the guard refuses a 422.
 */
@ReleaseServiceIntegrationTest
class ExecutorTargetsIntegrationTest {

    static final String TOKEN = "argocd-bearer-token-never-returned-0451";

    @Autowired MockMvc mvc;
    @Autowired EventProbe events;
    @Autowired JdbcClient jdbc;
    @Autowired SecretSealer sealer;

    ResultActions register(String service, String stagingTarget) throws Exception {
        return mvc.perform(post("/api/v1/services").with(TestJwts.user("rhea", "release-manager"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"name":"%s","repository":"acme/%s","defaultBranch":"main",
                         "webhookSecret":"0123456789abcdef-secret",
                         "environments":[
                           {"name":"staging","order":1,"requiresApproval":false,"deployTarget":%s},
                           {"name":"production","order":2,"requiresApproval":true,
                            "deployTarget":{"type":"awx","url":"https://awx.example/api",
                                            "settings":{"jobTemplateId":"42"},"credential":"awx-token-0451"}}]}"""
                        .formatted(service, service, stagingTarget)));
    }

    static String argocd() {
        return """
                {"type":"argocd","url":"https://argocd.example","settings":{"application":"payments","project":"shop"},
                 "credential":"%s"}""".formatted(TOKEN);
    }

    static String newService() {
        return "svc-" + UUID.randomUUID().toString().substring(0, 8);
    }

    int rows(String service) {
        return jdbc.sql("select count(*) from service where name = :name").param("name", service).query(Integer.class)
                .single() + jdbc.sql("select count(*) from outbox_event where subject = :name").param("name", service)
                .query(Integer.class).single();
    }

    @Test
    void an_argocd_environment_keeps_its_settings_and_its_credential_only_sealed_and_never_returned() throws Exception {
        var service = newService();

        var created = register(service, argocd()).andExpect(status().isCreated())
                .andExpect(jsonPath("$.environments[0].deployTarget.type").value("argocd"))
                .andExpect(jsonPath("$.environments[0].deployTarget.settings.application").value("payments"))
                .andExpect(jsonPath("$.environments[0].deployTarget.settings.project").value("shop"))
                .andExpect(jsonPath("$.environments[0].deployTarget.credentialConfigured").value(true))
                .andExpect(jsonPath("$.environments[0].deployTarget.credential").doesNotExist())
                .andExpect(jsonPath("$.environments[1].deployTarget.settings.jobTemplateId").value("42"))
                .andReturn().getResponse().getContentAsString();
        var read = mvc.perform(get("/api/v1/services/" + service).with(TestJwts.user("sam", "service-desk")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.environments[0].deployTarget.credentialConfigured").value(true))
                .andReturn().getResponse().getContentAsString();
        var stored = jdbc.sql("select target_credential_sealed from environment where service = :s and name = 'staging'")
                .param("s", service).query(String.class).single();
        var registered = EventContracts.assertConforms(events.await("service.registered.v1",
                d -> d.get("service").asString().equals(service))).data();

        assertThat(created).doesNotContain(TOKEN).doesNotContain(stored);
        assertThat(read).doesNotContain(TOKEN).doesNotContain(stored);
        assertThat(stored).doesNotContain(TOKEN);
        assertThat(sealer.unseal(stored)).isEqualTo(TOKEN);
        assertThat(registered.toString()).doesNotContain(TOKEN).doesNotContain(stored).doesNotContain("credential");
        assertThat(registered.get("environments").get(0).get("deployTarget").get("settings").get("application")
                .asString()).isEqualTo("payments");
    }

    @Test
    void a_deployment_carries_its_environments_executor_and_the_credential_sealed_to_integration_service() {
        var service = newService();
        try {
            register(service, argocd()).andExpect(status().isCreated());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        var sha = DeploymentIntegrationTest.commitSha();
        events.publish("pipeline.succeeded.v1", sha, DeploymentIntegrationTest.pipelineRun(service, sha, "octocat"));
        var id = events.await("deployment.planned.v1", d -> d.get("commitSha").asString().equals(sha)).data()
                .get("deploymentId").asString();
        var changeId = UUID.randomUUID().toString();
        events.publish("change.authorized.v1", changeId, Map.of("changeId", changeId, "type", "STANDARD",
                "service", service, "environment", "staging", "deploymentId", id, "authorizedBy", "change-service",
                "authorizedAt", Instant.now().toString()));

        var requested = EventContracts.assertConforms(events.await("deployment.requested.v1",
                d -> d.get("deploymentId").asString().equals(id))).data();

        var target = requested.get("target");
        assertThat(target.get("type").asString()).isEqualTo("argocd");
        assertThat(target.get("url").asString()).isEqualTo("https://argocd.example");
        assertThat(target.get("settings").get("application").asString()).isEqualTo("payments");
        assertThat(target.get("settings").get("project").asString()).isEqualTo("shop");
        assertThat(requested.toString()).doesNotContain(TOKEN);
        assertThat(sealer.unseal(target.get("credentialSealed").asString())).isEqualTo(TOKEN);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "{\"type\":\"ssh\",\"url\":\"https://argocd.example\"}                                           | deployTarget.type",
            "{\"type\":\"argocd\",\"url\":\"https://argocd.example\",\"credential\":\"t\"}                     | environments[0].deployTarget.settings.application: required for type argocd",
            "{\"type\":\"argocd\",\"url\":\"https://argocd.example\",\"settings\":{\"application\":\"p\",\"branch\":\"x\"},\"credential\":\"t\"} | environments[0].deployTarget.settings.branch: not a setting of type argocd",
            "{\"type\":\"argocd\",\"url\":\"https://argocd.example\",\"settings\":{\"application\":\"p\"}}     | environments[0].deployTarget.credential: required for type argocd",
            "{\"type\":\"argocd\",\"url\":\"https://argocd.example\",\"settings\":{\"application\":\"p\"},\"credential\":\"  \"} | environments[0].deployTarget.credential: 1 to 4096 characters",
            "{\"type\":\"jenkins\",\"url\":\"https://ci.example\",\"settings\":{\"job\":\"deploy/p\"},\"credential\":\"t\"} | environments[0].deployTarget.settings.user: required for type jenkins",
            "{\"type\":\"awx\",\"url\":\"https://awx.example/api\",\"settings\":{\"jobTemplateId\":\"x\"},\"credential\":\"t\"} | environments[0].deployTarget.settings.jobTemplateId: 'x' is not an AWX job template id",
            "{\"type\":\"github\",\"url\":\"https://api.github.com\",\"settings\":{\"repository\":\"nope\"},\"credential\":\"t\"} | environments[0].deployTarget.settings.repository: 'nope' is not owner/repo",
            "{\"type\":\"webhook\",\"url\":\"https://deploy.example\",\"credential\":\"t\"}                    | environments[0].deployTarget.credential: type webhook takes none",
            "{\"type\":\"argocd\",\"url\":\"ftp://argocd.example\",\"settings\":{\"application\":\"p\"},\"credential\":\"t\"} | deployTarget.url",
            "{\"type\":\"argocd\",\"url\":\"https://argocd.example\",\"settings\":{\"application\":null},\"credential\":\"t\"} | deployTarget.settings.application' must not be null" })
    void a_target_its_type_does_not_allow_is_a_bad_request_naming_the_field_and_writes_nothing(String target,
            String detail) throws Exception {
        var service = newService();

        var answer = register(service, target).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/invalid-request"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(detail)))
                .andReturn().getResponse().getContentAsString();

        assertThat(answer).doesNotContain("\"t\"");
        assertThat(rows(service)).isZero();
    }

    @Test
    void a_vendor_url_aimed_inside_is_refused_by_rule_naming_the_field_and_writes_nothing() throws Exception {
        var service = newService();

        register(service, """
                {"type":"argocd","url":"http://169.254.169.254/api","settings":{"application":"p"},"credential":"t"}""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith(
                        "environments[0].deployTarget.url: http://169.254.169.254/api is refused: ")));
        assertThat(rows(service)).isZero();
    }

    @Test
    void registering_an_executor_needs_the_release_manager_role() throws Exception {
        var service = newService();

        mvc.perform(post("/api/v1/services").with(TestJwts.user("ci", "pipeline"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"name":"%s","repository":"acme/%s","defaultBranch":"main",
                         "webhookSecret":"0123456789abcdef-secret",
                         "environments":[{"name":"staging","order":1,"requiresApproval":false,"deployTarget":%s}]}"""
                        .formatted(service, service, argocd())))
                .andExpect(status().isForbidden());
        assertThat(rows(service)).isZero();
    }
}
