package io.passerelle.integration.executor.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.passerelle.integration.executor.CallOutcome;
import io.passerelle.integration.executor.DeployCall;
import io.passerelle.integration.executor.DeployTarget;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One signed POST per attempt, with connect and read timeouts, through a Resilience4j circuit breaker per target
 * {@code host:port} (config {@code deploy-target} under {@code resilience4j.circuitbreaker.configs}). Retries are
 * not made here: the dispatcher decides on another attempt. I/O errors, timeouts, 5xx and 429 are worth another
 * attempt (and count as failures for the breaker); any other answer is final.
 */
public class WebhookDeployTarget implements DeployTarget {

    static final String RESILIENCE = "deploy-target";

    private final RestClient rest;
    private final JsonMapper json;
    private final Clock clock;
    private final CircuitBreakerRegistry breakers;

    public WebhookDeployTarget(JsonMapper json, Clock clock, CircuitBreakerRegistry breakers, Duration connectTimeout,
            Duration readTimeout) {
        var http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        var requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(readTimeout);
        this.rest = RestClient.builder().requestFactory(requests).build();
        this.json = json;
        this.clock = clock;
        this.breakers = breakers;
    }

    @Override
    public boolean supports(String targetType) {
        return "webhook".equals(targetType);
    }

    @Override
    public Optional<String> unusable(String targetUrl) {
        URI target;
        try {
            target = URI.create(targetUrl);
        } catch (IllegalArgumentException e) {
            return Optional.of("deploy target URL is not a URI: " + targetUrl);
        }
        if (target.getHost() == null || !("http".equals(target.getScheme()) || "https".equals(target.getScheme()))) {
            return Optional.of("deploy target URL is not an absolute http(s) URL: " + targetUrl);
        }
        return Optional.empty();
    }

    @Override
    public String body(DeployCall call) {
        return SignedDeployRequest.body(call, json);
    }

    @Override
    public CallOutcome call(String targetUrl, UUID deliveryId, String body, String secret) {
        var unusable = unusable(targetUrl);
        if (unusable.isPresent()) {
            return new CallOutcome.NotCalled(unusable.get());
        }
        var target = URI.create(targetUrl);
        var request = SignedDeployRequest.of(deliveryId, body.getBytes(StandardCharsets.UTF_8), secret,
                clock.instant());
        var breaker = breakers.circuitBreaker(authority(target), RESILIENCE);
        try {
            int status = breaker.executeSupplier(() -> post(target, request));
            return status >= 200 && status < 300 ? new CallOutcome.Accepted(status)
                    : new CallOutcome.Refused("answered HTTP " + status);
        } catch (CallNotPermittedException e) {
            return new CallOutcome.CircuitOpen(breaker.getName(), waitInOpenState(breaker));
        } catch (TargetUnavailableException e) {
            return new CallOutcome.Unavailable("answered HTTP " + e.status());
        } catch (ResourceAccessException e) {
            return new CallOutcome.Unavailable("was unreachable (" + e.getMessage() + ")");
        } catch (RestClientException e) {
            return new CallOutcome.Refused("could not be called: " + e.getMessage());
        }
    }

    private int post(URI target, SignedDeployRequest request) {
        int status = rest.post()
                .uri(target)
                .headers(headers -> request.headers().forEach(headers::set))
                .body(request.body())
                .exchange((req, response) -> response.getStatusCode().value());
        if (status >= 500 || status == 429) {
            throw new TargetUnavailableException(status);
        }
        return status;
    }

    /** How long the breaker stays open before it lets a trial call through: when to come back. */
    private static Duration waitInOpenState(CircuitBreaker breaker) {
        return Duration.ofMillis(breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1));
    }

    /** One circuit breaker per target host and port: one failing target does not stop the others. */
    static String authority(URI target) {
        int port = target.getPort() != -1 ? target.getPort() : "https".equals(target.getScheme()) ? 443 : 80;
        return target.getHost() + ":" + port;
    }
}
