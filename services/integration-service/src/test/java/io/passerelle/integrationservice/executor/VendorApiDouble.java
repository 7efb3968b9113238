package io.passerelle.integrationservice.executor;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A vendor's API on 127.0.0.1, for tests: every request is first checked against the vendor's published description
 * ({@link ApiDescription}); one that does not conform is answered 400 with what is wrong and recorded in
 * {@link #violations()} (a test asserts there are none), so a client bug fails the test instead of being answered.
 * Conforming requests go to the handler the test registered for the operation, which answers as the product does.
 */
public final class VendorApiDouble implements AutoCloseable {

    /** A conforming request: its operation's path parameters, query, headers (lower-case names) and body. */
    public record Request(String method, String path, Map<String, String> pathParameters,
            Map<String, List<String>> query, Map<String, String> headers, byte[] body, JsonNode fields) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    public record Response(int status, Map<String, String> headers, String body) {

        public static Response json(int status, String body) {
            return new Response(status, Map.of("Content-Type", "application/json"), body);
        }
    }

    @FunctionalInterface
    public interface Handler {

        Response answer(Request request);
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApiDescription description;
    private final HttpServer server;
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final List<Request> received = new CopyOnWriteArrayList<>();

    public VendorApiDouble(ApiDescription description) {
        this.description = description;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers {@code method template} (the description's path template) with {@code handler}. */
    public VendorApiDouble on(String method, String template, Handler handler) {
        handlers.put(method + " " + template, handler);
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** What did not conform to the description, in the order it arrived. */
    public List<String> violations() {
        return violations;
    }

    /** The conforming requests, in the order they arrived. */
    public List<Request> received() {
        return received;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var body = exchange.getRequestBody().readAllBytes();
            var method = exchange.getRequestMethod();
            var path = exchange.getRequestURI().getRawPath();
            var query = query(exchange.getRequestURI().getRawQuery());
            var headers = new HashMap<String, String>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                    values.getFirst()));
            var contentType = headers.containsKey("content-type")
                    ? headers.get("content-type").split(";")[0].trim().toLowerCase(Locale.ROOT) : null;
            JsonNode fields = null;
            var problems = new ArrayList<String>();
            if (body.length > 0) {
                try {
                    fields = "application/x-www-form-urlencoded".equals(contentType) ? form(new String(body,
                            StandardCharsets.UTF_8)) : JSON.readTree(body);
                } catch (RuntimeException e) {
                    problems.add(method + " " + path + ": the body is not " + contentType);
                }
            }
            var checked = description.check(method, path, query, headers, contentType, fields);
            problems.addAll(checked.violations());
            if (!problems.isEmpty()) {
                violations.addAll(problems);
                send(exchange, Response.json(400, JSON.writeValueAsString(Map.of("double",
                        "the request does not conform to the API description", "violations", problems))));
                return;
            }
            var request = new Request(method, path, checked.pathParameters(), query, headers, body, fields);
            received.add(request);
            var handler = handlers.get(method + " " + description.operationFor(method, path));
            if (handler == null) {
                violations.add(method + " " + path + ": the test gave the double no answer for this operation");
                send(exchange, Response.json(501, "{}"));
                return;
            }
            send(exchange, handler.answer(request));
        }
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        response.headers().forEach(exchange.getResponseHeaders()::set);
        var bytes = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private static Map<String, List<String>> query(String raw) {
        var query = new LinkedHashMap<String, List<String>>();
        if (raw != null && !raw.isEmpty()) {
            for (var pair : raw.split("&")) {
                var parts = pair.split("=", 2);
                query.computeIfAbsent(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), k -> new ArrayList<>())
                        .add(parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }

    private static ObjectNode form(String body) {
        var fields = JSON.createObjectNode();
        query(body).forEach((name, values) -> fields.put(name, values.getFirst()));
        return fields;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
