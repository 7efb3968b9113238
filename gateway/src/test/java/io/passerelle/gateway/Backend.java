package io.passerelle.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real HTTP server standing in for every service behind the gateway and for the realm's key set, so that tests can
 * send real signed tokens over real sockets. Paths ending in {@code /conflict} answer a service's 409 problem, paths
 * ending in {@code /empty-400} an empty 400; everything else 200.
 */
final class Backend implements AutoCloseable {

    static final String CONFLICT = "{\"type\":\"https://passerelle.io/problems/state-conflict\",\"title\":\"Conflict\","
            + "\"status\":409,\"detail\":\"the change is closed\"}";

    final List<String> received = new CopyOnWriteArrayList<>();
    /** The X-Forwarded-Host/-Port/-Proto of each request received, as {@code host port proto}. */
    final List<String> forwarded = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final RSAKey key;

    Backend() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-key").generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException | JOSEException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/jwks", exchange -> answer(exchange, 200, "application/json",
                new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes(); // a request whose body never arrives whole is not received
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            var headers = exchange.getRequestHeaders();
            forwarded.add(headers.getFirst("X-Forwarded-Host") + " " + headers.getFirst("X-Forwarded-Port") + " "
                    + headers.getFirst("X-Forwarded-Proto"));
            var path = exchange.getRequestURI().getPath();
            if (path.endsWith("/conflict")) {
                answer(exchange, 409, "application/problem+json", CONFLICT);
            } else if (path.endsWith("/empty-400")) {
                exchange.sendResponseHeaders(400, -1);
                exchange.close();
            } else {
                answer(exchange, 200, "application/json", "{\"served\":true}");
            }
        });
        server.start();
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String issuer() {
        return url() + "/realms/passerelle";
    }

    /** Routes every service here and trusts this server's key set. */
    void register(DynamicPropertyRegistry registry) {
        for (var service : List.of("change", "incident", "release", "integration", "console")) {
            registry.add("passerelle.routes." + service, this::url);
        }
        registry.add("passerelle.identity.issuer", this::issuer);
        registry.add("passerelle.identity.jwk-set-uri", () -> url() + "/jwks");
    }

    /** A token of the realm for {@code subject} with the given realm roles. */
    String token(String subject, String... roles) {
        var claims = new JWTClaimsSet.Builder().issuer(issuer()).audience("passerelle").subject(subject)
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .claim("azp", "passerelle-cli").claim("realm_access", Map.of("roles", List.of(roles))).build();
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
