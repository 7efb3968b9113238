package io.passerelle.integrationservice.executor.adapter.webhook;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;

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
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Apache HttpClient, connecting to the addresses the outbound guard checked and to no other: each request goes to an
 * {@link HttpHost} that carries both the name (for the Host header, TLS SNI and certificate checks) and a checked
 * address (for the socket), tried in the order the name resolved; the client's own resolver refuses every lookup,
 * so nothing can resolve the name again between the check and the connection (DNS rebinding). No redirects, no
 * automatic retries, no proxy from system properties, no cookies, and a new connection per call. Each exchange is
 * observed (Micrometer's {@link ObservationExecChainHandler}): a client span, whose W3C {@code traceparent} header
 * the target receives, and the {@code httpcomponents.httpclient.request} timer.
 */
final class PinnedHttpClient implements Transport, AutoCloseable {

    private static final DnsResolver NO_LOOKUPS = new DnsResolver() {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            throw new UnknownHostException(host + ": deploy calls connect only to addresses the outbound guard"
                    + " checked");
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            throw new UnknownHostException(host);
        }
    };

    private final CloseableHttpClient http;

    PinnedHttpClient(Duration connectTimeout, Duration readTimeout, int connections,
            ObservationRegistry observations) {
        var pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(NO_LOOKUPS)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setSocketTimeout(Timeout.of(readTimeout))
                        .build())
                .setMaxConnTotal(connections)
                .setMaxConnPerRoute(connections)
                .build();
        this.http = HttpClients.custom()
                .setConnectionManager(pool)
                .setConnectionReuseStrategy((request, response, context) -> false)
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(readTimeout)).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .addExecInterceptorLast("micrometer", new ObservationExecChainHandler(observations))
                .build();
    }

    @Override
    public int post(OutboundVerdict.Admitted target, SignedDeployRequest request) throws IOException {
        var url = target.url();
        IOException failure = null;
        for (var address : target.addresses()) {
            var post = new HttpPost(url.target());
            request.headers().forEach(post::setHeader);
            post.setEntity(new ByteArrayEntity(request.body(), null));
            try (var response = http.executeOpen(new HttpHost(url.scheme(), address, url.host(), url.port()), post,
                    null)) {
                return response.getCode(); // the body is not read: the connection is closed, never reused
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
