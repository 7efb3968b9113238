package io.passerelle.console.api;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.passerelle.console.ConsoleProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The services' APIs, called through the gateway with the current user's access token (refreshed when it expires).
 * Answers are read as plain maps and lists: each page reads the few fields it shows (tolerant reader), and a field a
 * service adds later changes nothing here. A 4xx becomes an {@link ApiRefusal} with the service's own words; no
 * answer or a 5xx becomes an {@link ApiUnavailable}.
 */
@Component
public class Api {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };
    private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() { };
    private static final Pattern NEXT = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"?next\"?");

    private final RestClient rest;
    private final ObjectMapper json;

    Api(RestClient.Builder builder, OAuth2AuthorizedClientManager clients, ConsoleProperties console, ObjectMapper json) {
        var tokens = new OAuth2ClientHttpRequestInterceptor(clients);
        tokens.setClientRegistrationIdResolver(request -> "keycloak");
        var factory = new JdkClientHttpRequestFactory();
        factory.setReadTimeout(java.time.Duration.ofSeconds(10));
        this.rest = builder.baseUrl(console.api().toString())
                .requestFactory(factory)
                .requestInterceptor(tokens)
                .defaultHeader("Accept", MediaType.APPLICATION_JSON_VALUE + ", " + MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .build();
        this.json = json;
    }

    /** An object, e.g. {@code get("/api/v1/changes/{id}", id)}. */
    public Map<String, Object> get(String path, Object... variables) {
        return read(exchange(rest.get().uri(path, variables)), OBJECT);
    }

    /** An array, e.g. {@code list(u -> u.path("/api/v1/services").build())}. */
    public List<Map<String, Object>> list(Function<UriBuilder, URI> uri) {
        return read(exchange(rest.get().uri(uri)), LIST);
    }

    /** An array with the next page's link, if the API gave one. */
    public Page page(Function<UriBuilder, URI> uri) {
        var answer = exchange(rest.get().uri(uri));
        return new Page(read(answer, LIST), next(answer.link()));
    }

    public Map<String, Object> post(String path, @Nullable Object body, Object... variables) {
        var request = rest.post().uri(path, variables);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return read(exchange(request), OBJECT);
    }

    public Map<String, Object> put(String path, Object body, Object... variables) {
        return read(exchange(rest.put().uri(path, variables).contentType(MediaType.APPLICATION_JSON).body(body)), OBJECT);
    }

    public void delete(String path, Object... variables) {
        exchange(rest.delete().uri(path, variables));
    }

    /** A non-JSON answer as text (the iCalendar feed). */
    public String text(String path, Object... variables) {
        return exchange(rest.get().uri(path, variables).accept(MediaType.ALL)).body();
    }

    private record Answer(String body, @Nullable String link) {
    }

    private Answer exchange(RestClient.RequestHeadersSpec<?> request) {
        try {
            return request.exchange((req, response) -> {
                HttpStatusCode status = response.getStatusCode();
                String body = new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                if (status.is4xxClientError()) {
                    throw refusal(status.value(), body);
                }
                if (!status.is2xxSuccessful()) {
                    throw new ApiUnavailable(req.getURI().getPath() + " answered " + status.value());
                }
                return new Answer(body, response.getHeaders().getFirst("Link"));
            });
        } catch (ResourceAccessException e) {
            throw new ApiUnavailable("the gateway did not answer", e);
        }
    }

    private ApiRefusal refusal(int status, String body) {
        Map<String, Object> problem;
        try {
            problem = body.isBlank() ? Map.of() : json.readValue(body, OBJECT);
        } catch (RuntimeException notJson) {
            problem = Map.of();
        }
        return new ApiRefusal(status, text(problem.get("title"), "Refused"), textOrNull(problem.get("detail")),
                textOrNull(problem.get("type")));
    }

    private <T> T read(Answer answer, TypeReference<T> type) {
        if (answer.body().isBlank()) {
            return json.readValue(type == LIST ? "[]" : "{}", type);
        }
        return json.readValue(answer.body(), type);
    }

    static @Nullable String next(@Nullable String link) {
        if (link == null) {
            return null;
        }
        var matcher = NEXT.matcher(link);
        if (!matcher.find()) {
            return null;
        }
        String target = matcher.group(1);
        int query = target.indexOf('?');
        return query < 0 ? null : target.substring(query + 1);
    }

    private static String text(@Nullable Object value, String otherwise) {
        return value == null ? otherwise : value.toString();
    }

    private static @Nullable String textOrNull(@Nullable Object value) {
        return value == null ? null : value.toString();
    }
}
