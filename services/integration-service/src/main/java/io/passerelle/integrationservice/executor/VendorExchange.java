package io.passerelle.integrationservice.executor;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.binder.httpcomponents.hc5.ObservationExecChainHandler;
import io.micrometer.observation.ObservationRegistry;
import io.passerelle.platform.outbound.OutboundVerdict;
import io.passerelle.platform.outbound.PinnedHttpClient;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.util.Timeout;

/**
 * GETs and POSTs to a vendor's API at the addresses the outbound guard checked, answers read with their headers: what
 * the platform's {@link PinnedHttpClient} does for one POST whose answer headers are not read, made general for the
 * executors that talk to Argo CD, GitHub, Jenkins and AWX (a queue item's {@code Location}, a job's status). Same
 * rules: the name goes in the Host header and TLS, the socket to a checked address; the client resolves nothing; no
 * redirects, automatic retries, proxy, cookies or connection reuse; each exchange observed.
 */
public final class VendorExchange implements AutoCloseable {

    /** What the vendor answered: its status, its headers (names in lower case), the start of its body. */
    public record Answer(int status, Map<String, List<String>> headers, byte[] body) {

        public Optional<String> header(String name) {
            var values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
        }
    }

    private final CloseableHttpClient http;
    private final int maxBody;

    /** @param maxBody at most this many bytes of an answer's body are read */
    public VendorExchange(String purpose, Duration connectTimeout, Duration readTimeout, int connections, int maxBody,
            ObservationRegistry observations) {
        this.maxBody = maxBody;
        var pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new NoLookups(purpose))
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.of(connectTimeout))
                        .setSocketTimeout(Timeout.of(readTimeout)).build())
                .setMaxConnTotal(connections).setMaxConnPerRoute(connections).build();
        this.http = HttpClients.custom().setConnectionManager(pool)
                .setConnectionReuseStrategy((request, response, context) -> false)
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(readTimeout)).build())
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement().disableAuthCaching()
                .disableContentCompression()
                .addExecInterceptorLast("micrometer", new ObservationExecChainHandler(observations))
                .build();
    }

    /**
     * Sends {@code method} to the checked target with these headers and body (none when null), trying its addresses
     * in order while one refuses the connection.
     *
     * @throws IOException when no address could be reached, or the exchange failed
     */
    public Answer send(String method, OutboundVerdict.Admitted target, Map<String, String> headers, byte @org.jspecify.annotations.Nullable [] body)
            throws IOException {
        var url = target.url();
        IOException failure = null;
        for (var address : target.addresses()) {
            var request = new BasicClassicHttpRequest(method, url.target());
            headers.forEach(request::setHeader);
            if (body != null) {
                request.setEntity(new ByteArrayEntity(body, null));
            }
            try (var response = http.executeOpen(new HttpHost(url.scheme(), address, url.host(), url.port()), request,
                    null)) {
                var answerHeaders = new java.util.HashMap<String, List<String>>();
                for (var header : response.getHeaders()) {
                    answerHeaders.computeIfAbsent(header.getName().toLowerCase(Locale.ROOT),
                            name -> new java.util.ArrayList<>()).add(header.getValue());
                }
                var entity = response.getEntity();
                var answer = entity == null ? new byte[0] : entity.getContent().readNBytes(maxBody);
                return new Answer(response.getCode(), Map.copyOf(answerHeaders), answer);
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

    private record NoLookups(String purpose) implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            throw new UnknownHostException(host + ": " + purpose + " connect only to addresses the outbound guard"
                    + " checked");
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            throw new UnknownHostException(host);
        }
    }
}
