package io.passerelle.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every refusal the gateway makes itself is problem+json, down to requests its HTTP decoder cannot read; what a service
 * answers passes through untouched. Over a real socket, with raw bytes where no HTTP client would send them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "passerelle.rate-limits.namespace=test-refusals-${random.uuid}")
class EdgeRefusalsTest {

    static final Backend backend = new Backend();

    @LocalServerPort int port;

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) {
        backend.register(registry);
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    @BeforeEach
    void clear() {
        backend.received.clear();
        backend.forwarded.clear();
    }

    @Test
    void the_console_learns_the_address_the_browser_used_and_a_client_cannot_make_it_up() {
        var response = send("GET /approvals HTTP/1.1\r\nHost: passerelle.example:8080\r\n"
                + "X-Forwarded-Host: evil.example\r\nConnection: close\r\n\r\n");
        assertThat(response.status()).isEqualTo(200);
        // the console builds its login's return address from these: the client's own X-Forwarded-Host is dropped (no
        // proxy in front of the gateway is trusted by default), the gateway says what the browser asked for
        assertThat(backend.forwarded).containsExactly("passerelle.example:8080 8080 http");
    }

    RawHttp.Response send(String request) {
        return RawHttp.send(port, request);
    }

    static void assertProblem(RawHttp.Response response, int status, String type) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/problem+json");
        var problem = response.json();
        assertThat(problem.path("type").asString()).isEqualTo("https://passerelle.io/problems/" + type);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("detail").asString()).isNotBlank().doesNotContain("Exception", "io.netty", "java.");
    }

    @Test
    void a_header_name_with_a_control_character_is_a_400_problem() {
        var response = send("GET /api/v1/changes HTTP/1.1\r\nHost: gateway\r\nX-Bad\u0001Name: 1\r\n\r\n");
        assertProblem(response, 400, "invalid-request");
        assertThat(backend.received).isEmpty();
    }

    @Test
    void a_header_value_with_a_control_character_is_a_400_problem() {
        var response = send("GET /webhooks/github HTTP/1.1\r\nHost: gateway\r\nX-GitHub-Event: push\u0000x\r\n\r\n");
        assertProblem(response, 400, "invalid-request");
        assertProblem(send("POST /webhooks/github HTTP/1.1\r\nHost: gateway\r\nX-GitHub-Event: push\u007fx\r\n"
                + "Content-Length: 2\r\nConnection: close\r\n\r\n{}"), 400, "invalid-request");
        assertThat(backend.received).isEmpty();
    }

    @Test
    void an_encoded_line_break_in_the_path_is_a_400_problem() {
        var response = send("GET /api/v1/changes/%0d%0aSet-Cookie:%20a=b HTTP/1.1\r\nHost: gateway\r\nConnection: close\r\n\r\n");
        assertProblem(response, 400, "invalid-request");
        assertThat(response.header("Set-Cookie")).isNull();
        assertThat(backend.received).isEmpty();
    }

    @Test
    void an_encoded_slash_climbing_out_of_a_route_is_a_400_problem() {
        var response = send("GET /api/v1/changes/..%2f..%2factuator/env HTTP/1.1\r\nHost: gateway\r\nConnection: close\r\n\r\n");
        assertProblem(response, 400, "invalid-request");
        assertThat(backend.received).isEmpty();
    }

    @Test
    void content_length_together_with_transfer_encoding_is_a_400_problem() {
        var response = send("POST /webhooks/github HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json\r\n"
                + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /actuator/env HTTP/1.1\r\n\r\n");
        assertProblem(response, 400, "invalid-request");
        assertThat(backend.received).isEmpty();
    }

    @Test
    void a_broken_chunk_size_is_a_400_problem() {
        var response = send("POST /webhooks/github HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");
        assertProblem(response, 400, "invalid-request");
    }

    @Test
    void a_body_whose_chunks_break_after_a_whole_json_value_never_reaches_a_service_as_a_whole_request()
            throws InterruptedException {
        var response = send("POST /webhooks/github HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n7\r\n{\"a\":1}\r\nzz\r\n");
        assertProblem(response, 400, "invalid-request");
        Thread.sleep(500); // what the service would have received by now
        assertThat(backend.received).isEmpty(); // it may have seen the headers and a piece, never a whole request
    }

    @Test
    void a_request_line_that_is_not_http_is_a_400_problem() {
        assertProblem(send("HELLO THERE\r\n\r\n"), 400, "invalid-request");
    }

    @Test
    void a_host_header_that_names_no_host_is_a_400_problem() {
        assertProblem(send("GET /api/v1/changes HTTP/1.1\r\nHost: [::1\r\nConnection: close\r\n\r\n"), 400, "invalid-request");
    }

    @Test
    void a_request_with_two_hosts_or_none_is_a_400_problem() {
        assertProblem(send("GET /api/v1/changes HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: evil.example\r\n"
                + "Connection: close\r\n\r\n"), 400, "invalid-request");
        assertProblem(send("GET /api/v1/changes HTTP/1.1\r\nConnection: close\r\n\r\n"), 400, "invalid-request");
    }

    @Test
    void raw_bytes_outside_ascii_in_the_query_are_a_400_problem_not_forwarded_re_encoded() {
        assertProblem(send("GET /api/v1/deployments?service=\u00ff\u00fex HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Connection: close\r\n\r\n"), 400, "invalid-request");
        assertThat(backend.received).isEmpty();
    }

    @Test
    void a_request_target_that_is_not_a_uri_is_a_400_problem() {
        assertProblem(send("GET /api/v1/changes?service=%ZZ HTTP/1.1\r\nHost: gateway\r\nConnection: close\r\n\r\n"),
                400, "invalid-request");
        assertProblem(send("GET /api/v1/cha\u0001nges HTTP/1.1\r\nHost: gateway\r\nConnection: close\r\n\r\n"),
                400, "invalid-request");
        assertThat(backend.received).isEmpty();
    }

    @Test
    void a_malformed_request_pipelined_behind_a_good_one_gets_its_own_problem_after_the_good_answer() {
        var answers = RawHttp.pipelined(port, "127.0.0.1", ("GET /api/v1/changes HTTP/1.1\r\nHost: gateway\r\n\r\n"
                + "GET /api/v1/changes HTTP/1.1\r\nHost: gateway\r\nX-Bad\u0001: 1\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 2);
        assertProblem(answers.get(0), 401, "unauthenticated");
        assertProblem(answers.get(1), 400, "invalid-request");
    }

    @Test
    void an_unknown_method_is_a_405_problem_naming_the_methods_served() {
        var response = send("FOO /api/v1/changes HTTP/1.1\r\nHost: gateway\r\nConnection: close\r\n\r\n");
        assertProblem(response, 405, "method-not-allowed");
        assertThat(response.header("Allow")).contains("GET", "POST");
        assertThat(response.json().path("detail").asString()).contains("'FOO'");
        assertProblem(send("TRACE / HTTP/1.1\r\nHost: gateway\r\nConnection: close\r\n\r\n"), 405, "method-not-allowed");
        var onHealth = send("DELETE /actuator/health HTTP/1.1\r\nHost: gateway\r\nConnection: close\r\n\r\n");
        assertProblem(onHealth, 405, "method-not-allowed");
        assertThat(onHealth.header("Allow")).contains("GET");
        assertThat(backend.received).isEmpty();
    }

    @Test
    void a_uri_longer_than_the_limit_is_a_414_problem() {
        var response = send("GET /api/v1/changes?q=" + "a".repeat(5_000) + " HTTP/1.1\r\nHost: gateway\r\n\r\n");
        assertProblem(response, 414, "uri-too-long");
        assertThat(response.json().path("detail").asString()).contains("4096 bytes");
    }

    @Test
    void headers_larger_than_the_limit_are_a_431_problem() {
        var response = send("GET /api/v1/changes HTTP/1.1\r\nHost: gateway\r\nX-Big: " + "b".repeat(9_000) + "\r\n\r\n");
        assertProblem(response, 431, "headers-too-large");
        assertThat(response.json().path("detail").asString()).contains("8192 bytes");
    }

    @Test
    void a_body_announced_over_the_limit_is_a_413_problem_and_reaches_no_service() {
        var response = send("POST /webhooks/github HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json\r\n"
                + "Content-Length: 1048577\r\nConnection: close\r\n\r\n{\"a\":1}");
        assertProblem(response, 413, "body-too-large");
        assertThat(response.json().path("detail").asString()).contains("1048576");
        assertThat(backend.received).isEmpty();
    }

    @Test
    void an_unreadable_accept_header_gets_problems_from_the_gateway_and_reaches_the_service_as_sent() {
        assertProblem(send("GET /api/v1/changes HTTP/1.1\r\nHost: gateway\r\nAccept: garbage\r\nConnection: close\r\n\r\n"),
                401, "unauthenticated");
        assertProblem(send("GET /internal HTTP/1.1\r\nHost: gateway\r\nAccept: garbage\r\nAuthorization: Bearer "
                + backend.token("alice") + "\r\nConnection: close\r\n\r\n"), 403, "forbidden");
        var health = send("GET /actuator/health HTTP/1.1\r\nHost: gateway\r\nAccept: garbage\r\nConnection: close\r\n\r\n");
        assertProblem(health, 406, "not-acceptable");
        var routed = send("GET /api/v1/changes HTTP/1.1\r\nHost: gateway\r\nAccept: garbage\r\nAuthorization: Bearer "
                + backend.token("alice") + "\r\nConnection: close\r\n\r\n");
        assertThat(routed.status()).isEqualTo(200); // the service decides what it can produce
    }

    @Test
    void an_api_path_that_no_service_serves_is_a_404_problem() {
        assertProblem(send("GET /api/v1/nothing-here HTTP/1.1\r\nHost: gateway\r\nAuthorization: Bearer "
                + backend.token("alice") + "\r\nConnection: close\r\n\r\n"), 404, "not-found");
        assertThat(backend.received).isEmpty();
    }

    @Test
    void a_service_s_errors_pass_through_as_the_service_wrote_them() {
        var token = backend.token("alice");
        var conflict = send("POST /api/v1/changes/42/conflict HTTP/1.1\r\nHost: gateway\r\nAuthorization: Bearer " + token
                + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(conflict.text()).isEqualTo(Backend.CONFLICT);

        var empty = send("GET /api/v1/changes/empty-400 HTTP/1.1\r\nHost: gateway\r\nAuthorization: Bearer " + token
                + "\r\nConnection: close\r\n\r\n");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).isEmpty();
    }
}
