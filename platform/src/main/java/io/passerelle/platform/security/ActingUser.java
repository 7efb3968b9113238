package io.passerelle.platform.security;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The chat bridge acting for a realm user (ADR 0026): a request whose token carries realm role {@value #BRIDGE_ROLE}
 * and the headers {@value #USER_HEADER} and {@value #ROLES_HEADER} is authenticated as that user — a
 * {@link JwtAuthenticationToken} whose Jwt says {@code preferred_username} = the user, {@code realm_access.roles} =
 * the user's roles (never the bridge role), {@code github} = the user's GitHub logins ({@value #GITHUB_HEADER}, for
 * the segregation-of-duties checks that compare them) and an RFC 8693 {@code act} claim {@code {"sub": <the bridge's
 * client id>}}, so that audit can say the user acted through chat. Any other token's headers change nothing.
 */
public final class ActingUser {

    /** The realm role only the chat bridge's client has. */
    public static final String BRIDGE_ROLE = "chat-bridge";
    public static final String USER_HEADER = "Passerelle-Acting-User";
    public static final String ROLES_HEADER = "Passerelle-Acting-Roles";
    /** The acting user's GitHub logins, comma-separated (the realm attribute {@code github}); optional. */
    public static final String GITHUB_HEADER = "Passerelle-Acting-Github";

    private static final Pattern USERNAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._@+-]{0,254}$");
    private static final Pattern ROLE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");
    private static final Pattern LOGIN = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9-]{0,38}$");
    /** The claims that describe the bridge itself as a user: the acting user's replace them or none is kept. */
    private static final List<String> BRIDGE_IDENTITY = List.of("sub", "preferred_username", "realm_access",
            "resource_access", "github", "email", "email_verified", "name", "given_name", "family_name", "client_id",
            "clientHost", "clientAddress", "act");

    private ActingUser() {
    }

    /** Whether this authentication is the chat bridge's (its realm roles include {@value #BRIDGE_ROLE}). */
    public static boolean isBridge(@Nullable Authentication authentication) {
        return authentication instanceof JwtAuthenticationToken
                && authentication.getAuthorities().stream()
                        .anyMatch(a -> ("ROLE_" + BRIDGE_ROLE).equals(a.getAuthority()));
    }

    /**
     * The bridge's token made the acting user's.
     *
     * @throws IllegalArgumentException a header that is missing while the other is sent, or malformed
     */
    public static JwtAuthenticationToken actingFor(JwtAuthenticationToken bridge, String user, String roles,
            @Nullable String github) {
        if (!USERNAME.matcher(user).matches()) {
            throw new IllegalArgumentException(USER_HEADER + " must be a realm user name");
        }
        var actingRoles = list(ROLES_HEADER, roles, ROLE);
        actingRoles.remove(BRIDGE_ROLE);
        var logins = github == null || github.isBlank() ? Set.<String>of() : list(GITHUB_HEADER, github, LOGIN);
        var token = bridge.getToken();
        var bridgeClient = token.hasClaim("azp") ? token.getClaimAsString("azp")
                : token.hasClaim("client_id") ? token.getClaimAsString("client_id") : bridge.getName();
        var jwt = Jwt.withTokenValue(token.getTokenValue())
                .headers(h -> h.putAll(token.getHeaders()))
                .claims(c -> {
                    c.putAll(token.getClaims());
                    BRIDGE_IDENTITY.forEach(c::remove);
                    c.put("preferred_username", user);
                    c.put("realm_access", Map.of("roles", List.copyOf(actingRoles)));
                    c.put("act", Map.of("sub", bridgeClient));
                    if (!logins.isEmpty()) {
                        c.put("github", List.copyOf(logins));
                    }
                })
                .build();
        var authorities = new RealmRolesConverter().convert(jwt);
        return new JwtAuthenticationToken(jwt, authorities, user);
    }

    private static Set<String> list(String header, String value, Pattern item) {
        var items = new LinkedHashSet<String>();
        for (var part : Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
            if (!item.matcher(part).matches()) {
                throw new IllegalArgumentException(header + " must be a comma-separated list of names: '" + part
                        + "' is not one");
            }
            items.add(part);
        }
        return items;
    }
}
