package io.passerelle.integrationservice.github.adapter.rest;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.binder.httpcomponents.hc5.ObservationExecChainHandler;
import io.micrometer.observation.ObservationRegistry;
import io.passerelle.platform.outbound.OutboundVerdict;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * POSTs to GitHub over Apache HttpClient, connecting only to the addresses the outbound guard checked (an
 * {@link HttpHost} with the name, for the Host header, SNI and the certificate check, and a checked address; the
 * client's own resolver refuses every lookup), as the deploy calls do. No redirects, no automatic retries, no proxy
 * from system properties, no cookies; a new connection per call; an answer's body is read up to 64 KB. Each exchange
 * is observed (a client span whose {@code traceparent} GitHub receives, and the request timer).
 */
final class GithubHttp implements AutoCloseable {

    /** GitHub's answer: the status, and the body (cut at 64 KB). */
    record Answer(int status, byte[] body) {
    }

    private static final int MAX_BODY = 64 * 1024;
    private static final DnsResolver NO_LOOKUPS = new DnsResolver() {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            throw new UnknownHostException(host + ": GitHub calls connect only to addresses the outbound guard checked");
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            throw new UnknownHostException(host);
        }
    };

    private final CloseableHttpClient http;

    GithubHttp(Duration connectTimeout, Duration readTimeout, ObservationRegistry observations) {
        var pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(NO_LOOKUPS)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(org.apache.hc.core5.util.Timeout.of(connectTimeout))
                        .setSocketTimeout(org.apache.hc.core5.util.Timeout.of(readTimeout))
                        .build())
                .build();
        this.http = HttpClients.custom()
                .setConnectionManager(pool)
                .setConnectionReuseStrategy((request, response, context) -> false)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(org.apache.hc.core5.util.Timeout.of(readTimeout)).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .addExecInterceptorLast("micrometer", new ObservationExecChainHandler(observations))
                .build();
    }

    /** POSTs {@code body} (JSON; none when empty) with {@code headers}, trying the checked addresses in the order the name resolved. */
    Answer post(OutboundVerdict.Admitted target, Map<String, String> headers, byte[] body) throws IOException {
        var url = target.url();
        IOException failure = null;
        for (var address : target.addresses()) {
            var post = new HttpPost(url.target());
            headers.forEach(post::setHeader);
            if (body.length > 0) {
                post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
            }
            try (var response = http.executeOpen(new HttpHost(url.scheme(), address, url.host(), url.port()), post,
                    null)) {
                var entity = response.getEntity();
                byte[] answer = entity == null ? new byte[0] : entity.getContent().readNBytes(MAX_BODY);
                return new Answer(response.getCode(), answer);
            } catch (ConnectException | ConnectTimeoutException | NoRouteToHostException e) {
                failure = e; // this address does not answer: the next one the name resolved to may
            }
        }
        throw failure == null ? new IOException("no address to connect to") : failure;
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
