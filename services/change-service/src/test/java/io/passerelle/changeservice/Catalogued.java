package io.passerelle.changeservice;

import static io.passerelle.platform.test.EventContracts.assertConforms;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.passerelle.platform.test.EventProbe;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;

/**
 * What the integration tests of change-service share: a service registered in the catalog projection (through
 * service.registered.v1, as release-service publishes it) and the shape of a refusal.
 */
public final class Catalogued {

    public static final String PROBLEMS = "https://passerelle.io/problems/";

    private Catalogued() {
    }

    /** A service with a staging environment (no approval) and a production one (approval required), projected. */
    public static void register(EventProbe events, JdbcClient jdbc, String service, String staging,
            String production) {
        register(events, jdbc, service, List.of(environment(staging, 1, false), environment(production, 2, true)));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from catalog_environment where service = :s").param("s", service)
                .query(Integer.class).single() == 2);
    }

    /** Publishes the registration of the service with these environments (checked against its schema). */
    public static void register(EventProbe events, JdbcClient jdbc, String service,
            List<Map<String, Object>> environments) {
        assertConforms(events.publish("service.registered.v1", service, Map.of(
                "service", service,
                "repository", "acme/" + service,
                "defaultBranch", "main",
                "webhookSecretSealed", "c2VhbGVk",
                "environments", environments,
                "registeredAt", Instant.now().toString())));
    }

    public static Map<String, Object> environment(String name, int order, boolean requiresApproval) {
        return Map.of("name", name, "order", order, "requiresApproval", requiresApproval,
                "deployTarget", Map.of("type", "webhook", "url", "http://127.0.0.1:9/" + name));
    }

    /** A problem+json refusal of that status and type. */
    public static ResultActions expectProblem(ResultActions result, int status, String type) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(PROBLEMS + type));
    }
}
