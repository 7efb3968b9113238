package io.passerelle.releaseservice.gate.adapter.callback;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;

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
 * Apache HttpClient connecting only to the addresses the outbound guard checked (as integration-service's deploy
 * calls do): each request goes to an {@link HttpHost} carrying the name (Host header, TLS SNI, certificate checks)
 * and a checked address (the socket); the client's own resolver refuses every lookup, so nothing resolves the name
 * again between the check and the connection. No redirects, automatic retries, proxies, cookies or reused
 * connections.
 */
final class PinnedHttpClient implements AutoCloseable {

    private static final DnsResolver NO_LOOKUPS = new DnsResolver() {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            throw new UnknownHostException(host + ": callbacks connect only to addresses the outbound guard checked");
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            throw new UnknownHostException(host);
        }
    };

    private final CloseableHttpClient http;

    PinnedHttpClient(Duration connectTimeout, Duration readTimeout, int connections) {
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
                .build();
    }

    /** @return the status the receiver answered; its body is not read */
    int post(OutboundVerdict.Admitted target, SignedCallback callback) throws IOException {
        var url = target.url();
        IOException failure = null;
        for (var address : target.addresses()) {
            var post = new HttpPost(url.target());
            callback.headers().forEach(post::setHeader);
            post.setEntity(new ByteArrayEntity(callback.body(), null));
            try (var response = http.executeOpen(new HttpHost(url.scheme(), address, url.host(), url.port()), post,
                    null)) {
                return response.getCode();
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
