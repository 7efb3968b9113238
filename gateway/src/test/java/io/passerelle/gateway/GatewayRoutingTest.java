package io.passerelle.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Routes and edge security, against a real HTTP server standing in for every downstream service. */
@SpringBootTest(properties = "passerelle.rate-limits.namespace=test-routing-${random.uuid}")
@AutoConfigureTracing
@AutoConfigureMetrics
class GatewayRoutingTest {

    static final List<String> received = new CopyOnWriteArrayList<>();
    static final List<String> traceparents = new CopyOnWriteArrayList<>();
    static final List<String> authorizations = new CopyOnWriteArrayList<>();
    static final HttpServer downstream = start();

    @Autowired ApplicationContext context;
    WebTestClient client;

    static HttpServer start() {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
                traceparents.add(String.valueOf(exchange.getRequestHeaders().getFirst("traceparent")));
                var authorization = exchange.getRequestHeaders().getFirst("Authorization");
                authorizations.add(authorization == null ? "" : authorization);
                exchange.getRequestBody().readAllBytes();
                var body = "{\"served\":true}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        var url = "http://127.0.0.1:" + downstream.getAddress().getPort();
        for (var service : List.of("change", "release", "integration", "console")) {
            registry.add("passerelle.routes." + service, () -> url);
        }
        registry.add("passerelle.routes.incident", () -> "http://127.0.0.1:" + closedPort()); // a service that is down
    }

    @AfterAll
    static void stop() {
        downstream.stop(0);
    }

    @BeforeEach
    void client() {
        received.clear();
        traceparents.clear();
        authorizations.clear();
        client = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient().build();
    }

    @Test
    void a_routed_call_continues_the_callers_trace_and_passes_it_on() {
        var traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        client.mutateWith(mockJwt()).get().uri("/api/v1/changes")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .exchange().expectStatus().isOk();

        assertThat(traceparents).singleElement().asString()
                .matches("00-" + traceId + "-[0-9a-f]{16}-01")
                .doesNotContain("00f067aa0ba902b7");
    }

    @Test
    void a_call_without_trace_context_starts_a_trace_at_the_edge() {
        client.mutateWith(mockJwt()).get().uri("/api/v1/changes").exchange().expectStatus().isOk();

        assertThat(traceparents).singleElement().asString().matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    @Test
    void the_edge_metrics_are_for_operators_only() {
        client.mutateWith(mockJwt()).get().uri("/api/v1/changes").exchange().expectStatus().isOk();

        client.mutateWith(mockJwt().authorities(new SimpleGrantedAuthority("ROLE_operator")))
                .get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body)
                        .contains("http_server_requests_seconds_count{application=\"gateway\"")
                        .contains("spring_cloud_gateway_requests_seconds_count"));
        client.mutateWith(mockJwt()).get().uri("/actuator/prometheus").exchange().expectStatus().isForbidden();
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void api_calls_without_a_token_are_refused_at_the_edge_with_problem_json() {
        client.get().uri("/api/v1/changes").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://passerelle.io/problems/unauthenticated");
        assertThat(received).isEmpty();
    }

    @Test
    void each_api_path_reaches_its_service() {
        var paths = List.of("/api/v1/changes?service=checkout", "/api/v1/approval-policies",
                "/api/v1/freeze-windows/42", "/api/v1/calendar?from=2026-12-01T00:00:00Z", "/api/v1/calendar.ics",
                "/api/v1/standard-changes", "/api/v1/environment-profiles", "/api/v1/risk?service=checkout",
                "/api/v1/services/checkout", "/api/v1/deployments?service=checkout", "/api/v1/releases",
                "/api/v1/metrics/dora?service=checkout", "/api/v1/alert-sources/grafana",
                "/api/v1/pipeline-runs", "/api/v1/cdevents?subject=42",
                "/api/v1/cdevents/42/deliveries/amqp/replay", "/api/v1/cdevents/senders",
                "/api/v1/cdevents/senders/argo-rollouts", "/api/v1/chat-apps/slack", "/api/v1/chat-channels",
                "/api/v1/chat-channels/payments-prod", "/api/v1/chat-messages?state=dead");
        for (var path : paths) {
            client.mutateWith(mockJwt()).get().uri(path).exchange().expectStatus().isOk();
        }
        assertThat(received).containsExactlyElementsOf(paths.stream().map(path -> "GET " + path).toList());
    }

    @Test
    void every_other_path_reaches_the_console_without_a_token_which_logs_its_users_in_itself() {
        var paths = List.of("/", "/approvals", "/incidents/42?lang=fr", "/login/oauth2/code/keycloak?code=x&state=y",
                "/webjars/htmx.org/dist/htmx.min.js");
        for (var path : paths) {
            var result = client.get().uri(path).exchange().returnResult(String.class);
            assertThat(result.getStatus().value()).as("GET %s: %s", path, result.getResponseHeaders()).isEqualTo(200);
        }
        client.post().uri("/logout").exchange().expectStatus().isOk();
        assertThat(received).containsExactlyElementsOf(
                java.util.stream.Stream.concat(paths.stream().map(path -> "GET " + path), java.util.stream.Stream.of("POST /logout")).toList());
    }

    @Test
    void unknown_webhooks_and_the_gateways_other_endpoints_are_not_served_and_not_passed_to_the_console() {
        client.post().uri("/webhooks/unknown").exchange().expectStatus().isUnauthorized();
        client.mutateWith(mockJwt()).post().uri("/webhooks/unknown").exchange().expectStatus().isForbidden();
        client.mutateWith(mockJwt()).get().uri("/actuator/env").exchange().expectStatus().isForbidden();
        client.get().uri("/api/v2/anything").exchange().expectStatus().isUnauthorized();
        client.get().uri("/internal").exchange().expectStatus().isUnauthorized();
        client.mutateWith(mockJwt()).delete().uri("/approvals").exchange().expectStatus().isForbidden();
        assertThat(received).isEmpty();
    }

    @Test
    void a_service_that_cannot_be_reached_is_a_503_problem() {
        // incident-service (down in this test) serves incidents and problems
        for (var path : List.of("/api/v1/incidents/42", "/api/v1/problems", "/api/v1/problems/42/incidents/7")) {
            client.mutateWith(mockJwt()).get().uri(path).exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("https://passerelle.io/problems/service-unavailable");
        }
    }

    static int closedPort() {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void the_github_webhook_passes_without_a_token_because_the_integration_service_checks_its_signature() {
        client.post().uri("/webhooks/github").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isOk();
        assertThat(received).containsExactly("POST /webhooks/github");
    }

    @Test
    void the_gitlab_webhook_passes_without_a_token_because_the_integration_service_checks_its_token() {
        client.post().uri("/webhooks/gitlab").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isOk();
        assertThat(received).containsExactly("POST /webhooks/gitlab");
    }

    @Test
    void the_chat_action_webhooks_pass_without_a_token_because_the_integration_service_checks_their_signature() {
        client.post().uri("/webhooks/slack/actions").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("payload=%7B%7D").exchange().expectStatus().isOk();
        client.post().uri("/webhooks/mattermost/actions").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isOk();
        assertThat(received).containsExactly("POST /webhooks/slack/actions", "POST /webhooks/mattermost/actions");
    }

    @Test
    void the_slack_app_settings_need_a_token_at_the_edge() {
        client.put().uri("/api/v1/chat-apps/slack").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isUnauthorized();
        assertThat(received).isEmpty();
    }

    @Test
    void chat_channels_and_their_messages_need_a_token_at_the_edge() {
        client.put().uri("/api/v1/chat-channels/payments-prod").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange().expectStatus().isUnauthorized();
        client.post().uri("/api/v1/chat-messages/42/replay").exchange().expectStatus().isUnauthorized();
        assertThat(received).isEmpty();
        client.mutateWith(mockJwt()).post().uri("/api/v1/chat-messages/42/replay").exchange().expectStatus().isOk();
        assertThat(received).containsExactly("POST /api/v1/chat-messages/42/replay");
    }

    @Test
    void the_cdevents_webhook_passes_with_a_senders_own_bearer_token_which_the_integration_service_checks() {
        client.post().uri("/webhooks/cdevents").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer a-sender-token-that-is-no-jwt-0123456789").bodyValue("{}")
                .exchange().expectStatus().isOk();
        client.post().uri("/webhooks/cdevents").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isOk();
        client.get().uri("/webhooks/cdevents").exchange().expectStatus().isUnauthorized();
        assertThat(received).containsExactly("POST /webhooks/cdevents", "POST /webhooks/cdevents");
        assertThat(authorizations).containsExactly("Bearer a-sender-token-that-is-no-jwt-0123456789", "");
    }

    @Test
    void the_cdevents_senders_need_a_token_at_the_edge() {
        client.put().uri("/api/v1/cdevents/senders/argo-rollouts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange().expectStatus().isUnauthorized();
        client.post().uri("/api/v1/pipeline-runs").header("Authorization", "Bearer not-a-jwt")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange().expectStatus().isUnauthorized();
        assertThat(received).isEmpty();
    }

    @Test
    void a_pipeline_run_needs_a_token_at_the_edge() {
        client.post().uri("/api/v1/pipeline-runs").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isUnauthorized();
        assertThat(received).isEmpty();
    }

    @Test
    void the_grafana_webhook_passes_without_a_token_because_the_integration_service_checks_its_signature() {
        client.post().uri("/webhooks/grafana").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isOk();
        client.mutateWith(mockJwt().authorities(new SimpleGrantedAuthority("ROLE_monitoring")))
                .post().uri("/webhooks/grafana").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isOk();
        client.get().uri("/webhooks/grafana").exchange().expectStatus().isUnauthorized();
        assertThat(received).containsExactly("POST /webhooks/grafana", "POST /webhooks/grafana");
    }

    @Test
    void argo_cds_notifications_pass_without_a_token_because_the_integration_service_checks_the_services_token() {
        client.post().uri("/api/v1/executors/argocd/notifications").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange().expectStatus().isOk();
        client.get().uri("/api/v1/executors/argocd/notifications").exchange().expectStatus().isUnauthorized();
        assertThat(received).containsExactly("POST /api/v1/executors/argocd/notifications");
    }

    @Test
    void the_alertmanager_webhook_needs_the_monitoring_role() {
        client.mutateWith(mockJwt().authorities(new SimpleGrantedAuthority("ROLE_service-desk")))
                .post().uri("/webhooks/alertmanager").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        client.mutateWith(mockJwt().authorities(new SimpleGrantedAuthority("ROLE_monitoring")))
                .post().uri("/webhooks/alertmanager").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isOk();
        assertThat(received).containsExactly("POST /webhooks/alertmanager");
    }

    @Test
    void paths_that_no_service_serves_are_refused() {
        client.mutateWith(mockJwt()).get().uri("/actuator/env").exchange().expectStatus().isForbidden();
        client.mutateWith(mockJwt()).get().uri("/internal/anything").exchange().expectStatus().isForbidden();
        assertThat(received).isEmpty();
    }

    @Test
    void oversized_bodies_are_refused_at_the_edge() {
        client.mutateWith(mockJwt()).post().uri("/api/v1/changes").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"" + "x".repeat(1_100_000) + "\"}").exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://passerelle.io/problems/body-too-large");
        assertThat(received).isEmpty();
    }
}
