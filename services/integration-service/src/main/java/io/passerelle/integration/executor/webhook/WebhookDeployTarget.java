package io.passerelle.integration.executor.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.passerelle.integration.executor.DeployCall;
import io.passerelle.integration.executor.DeployTarget;
import io.passerelle.integration.executor.Dispatch;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs the signed request with connect and read timeouts. Resilience4j (configured under {@code resilience4j.*},
 * instance / config {@code deploy-target}): Retry outside, CircuitBreaker per target {@code host:port} inside, so
 * each attempt counts for the breaker. Retried: I/O errors, 5xx and 429; any other answer is final.
 */
public class WebhookDeployTarget implements DeployTarget {

    static final String RESILIENCE = "deploy-target";

    private final RestClient rest;
    private final JsonMapper json;
    private final Clock clock;
    private final Retry retry;
    private final CircuitBreakerRegistry breakers;

    public WebhookDeployTarget(JsonMapper json, Clock clock, RetryRegistry retries, CircuitBreakerRegistry breakers,
            Duration connectTimeout, Duration readTimeout) {
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
        this.retry = retries.retry(RESILIENCE);
        this.breakers = breakers;
    }

    @Override
    public boolean supports(String targetType) {
        return "webhook".equals(targetType);
    }

    @Override
    public Dispatch send(String targetUrl, DeployCall call, String secret) {
        URI target;
        try {
            target = URI.create(targetUrl);
        } catch (IllegalArgumentException e) {
            return new Dispatch.Failed(0, "deploy target URL is not a URI: " + targetUrl);
        }
        if (target.getHost() == null || !("http".equals(target.getScheme()) || "https".equals(target.getScheme()))) {
            return new Dispatch.Failed(0, "deploy target URL is not an absolute http(s) URL: " + targetUrl);
        }
        var request = SignedDeployRequest.of(call, secret, clock.instant(), json);
        var breaker = breakers.circuitBreaker(authority(target), RESILIENCE);
        var attempts = new AtomicInteger();
        Supplier<Integer> post = Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, () -> {
            attempts.incrementAndGet();
            return post(target, request);
        }));
        try {
            int status = post.get();
            if (status >= 200 && status < 300) {
                return new Dispatch.Delivered(attempts.get());
            }
            return new Dispatch.Failed(attempts.get(), "deploy target answered HTTP " + status
                    + " (not retried: only I/O errors, 5xx and 429 are)");
        } catch (CallNotPermittedException e) {
            return new Dispatch.Failed(attempts.get(), "circuit breaker for " + breaker.getName()
                    + " is open after repeated failures: the target was not called"
                    + (attempts.get() > 0 ? " again" : ""));
        } catch (TargetUnavailableException e) {
            return new Dispatch.Failed(attempts.get(), "deploy target answered HTTP " + e.status() + " on each of "
                    + attempts.get() + " attempt(s)");
        } catch (ResourceAccessException e) {
            return new Dispatch.Failed(attempts.get(), "deploy target unreachable after " + attempts.get()
                    + " attempt(s): " + e.getMessage());
        } catch (RestClientException e) {
            return new Dispatch.Failed(attempts.get(), "call to the deploy target failed: " + e.getMessage());
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

    /** One circuit breaker per target host and port: one failing target does not stop the others. */
    static String authority(URI target) {
        int port = target.getPort() != -1 ? target.getPort() : "https".equals(target.getScheme()) ? 443 : 80;
        return target.getHost() + ":" + port;
    }
}
