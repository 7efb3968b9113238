package io.passerelle.platform.outbound;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.binder.httpcomponents.hc5.ObservationExecChainHandler;
import io.micrometer.observation.ObservationRegistry;
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
import org.jspecify.annotations.Nullable;

/**
 * The one way Passerelle calls an address outside it (a deploy target, a gate's callback, GitHub, a vendor's API): Apache
 * HttpClient connecting to the addresses the {@link OutboundGuard} checked and to no other. Each request goes to an
 * {@link HttpHost} carrying both the name (Host header, TLS SNI and certificate checks) and a checked address (the
 * socket), tried in the order the name resolved; the client's own resolver refuses every lookup, so nothing resolves
 * the name again between the check and the connection (DNS rebinding). No redirects, no automatic retries, no proxy
 * from system properties, no cookies, a new connection per call. Each exchange is observed (Micrometer's
 * {@link ObservationExecChainHandler}): a client span, whose W3C {@code traceparent} the receiver gets, and the
 * {@code httpcomponents.httpclient.request} timer.
 */
public final class PinnedHttpClient implements AutoCloseable {

    /** What the receiver answered: its status, its headers (names in lower case), the start of its body. */
    public record Answer(int status, Map<String, List<String>> headers, byte[] body) {

        public Optional<String> header(String name) {
            var values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
        }
    }

    private final CloseableHttpClient http;

    /**
     * @param purpose what the calls are, for the error a name lookup gets (e.g. "deploy calls")
     * @param connections at most this many calls at once
     */
    public PinnedHttpClient(String purpose, Duration connectTimeout, Duration readTimeout, int connections,
            ObservationRegistry observations) {
        var pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new NoLookups(purpose))
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

    /**
     * POSTs {@code body} (none when empty; its type is in {@code headers}) to the checked target, as {@link #send}.
     *
     * @throws IOException when no address could be reached, or the exchange failed
     */
    public Answer post(OutboundVerdict.Admitted target, Map<String, String> headers, byte[] body, int maxBody)
            throws IOException {
        return send("POST", target, headers, body.length > 0 ? body : null, maxBody);
    }

    /**
     * Sends {@code method} with {@code body} (none when null) to the checked target, trying its addresses in order
     * while one refuses the connection, and reads at most {@code maxBody} bytes of the answer (0: none, the
     * connection is closed unread).
     *
     * @throws IOException when no address could be reached, or the exchange failed
     */
    public Answer send(String method, OutboundVerdict.Admitted target, Map<String, String> headers,
            byte @Nullable [] body, int maxBody) throws IOException {
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
                var answerHeaders = new HashMap<String, List<String>>();
                for (var header : response.getHeaders()) {
                    answerHeaders.computeIfAbsent(header.getName().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                            .add(header.getValue());
                }
                var entity = response.getEntity();
                var answer = maxBody == 0 || entity == null ? new byte[0] : entity.getContent().readNBytes(maxBody);
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

    /** The client's resolver: every name was resolved and checked by the guard already. */
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
