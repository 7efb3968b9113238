package io.passerelle.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.passerelle.platform.web.ProblemWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import tools.jackson.databind.json.JsonMapper;

class ActingUserFilterTest {

    private final ActingUserFilter filter = new ActingUserFilter(new ProblemWriter(JsonMapper.builder().build()));

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void the_bridge_with_the_headers_becomes_the_acting_user_with_her_roles_and_an_act_claim() throws Exception {
        var request = headers("alice", "change-manager, chat-bridge,cab-member", "alice-gh");

        var seen = run(bridge(), request);

        assertThat(seen).isInstanceOf(JwtAuthenticationToken.class);
        assertThat(seen.getName()).isEqualTo("alice");
        assertThat(roles(seen)).containsExactlyInAnyOrder("ROLE_change-manager", "ROLE_cab-member");
        var jwt = ((JwtAuthenticationToken) seen).getToken();
        assertThat(jwt.getClaimAsString("preferred_username")).isEqualTo("alice");
        assertThat(jwt.getClaimAsMap("act")).isEqualTo(Map.of("sub", "passerelle-chatops"));
        assertThat(jwt.getClaimAsStringList("github")).containsExactly("alice-gh");
        assertThat(jwt.getSubject()).isNull();
        assertThat(jwt.getClaimAsStringList("aud")).containsExactly("passerelle");
        assertThat(jwt.getClaimAsMap("realm_access").get("roles")).isEqualTo(List.of("change-manager", "cab-member"));
    }

    @Test
    void a_user_who_is_not_the_bridge_gains_nothing_from_the_headers() throws Exception {
        var nora = token("nora", Map.of(), "ROLE_service-desk");

        var seen = run(nora, headers("alice", "change-manager", null));

        assertThat(seen).isSameAs(nora);
        assertThat(seen.getName()).isEqualTo("nora");
        assertThat(roles(seen)).containsExactly("ROLE_service-desk");
    }

    @Test
    void the_bridge_without_an_acting_user_is_refused() throws Exception {
        var response = new MockHttpServletResponse();
        var chain = new MockFilterChain();
        SecurityContextHolder.getContext().setAuthentication(bridge());

        filter.doFilter(headers(null, "change-manager", null), response, chain);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void a_malformed_acting_header_is_refused() throws Exception {
        var response = new MockHttpServletResponse();
        var chain = new MockFilterChain();
        SecurityContextHolder.getContext().setAuthentication(bridge());

        filter.doFilter(headers("alice", "change-manager;operator", null), response, chain);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains(ActingUser.ROLES_HEADER);
        assertThat(chain.getRequest()).isNull();
    }

    private Authentication run(Authentication caller, MockHttpServletRequest request) throws Exception {
        SecurityContextHolder.getContext().setAuthentication(caller);
        var seen = new Authentication[1];
        filter.doFilter(request, new MockHttpServletResponse(),
                (req, res) -> seen[0] = SecurityContextHolder.getContext().getAuthentication());
        return seen[0];
    }

    private static MockHttpServletRequest headers(String user, String roles, String github) {
        var request = new MockHttpServletRequest("POST", "/api/v1/changes/x/approve");
        if (user != null) {
            request.addHeader(ActingUser.USER_HEADER, user);
        }
        if (roles != null) {
            request.addHeader(ActingUser.ROLES_HEADER, roles);
        }
        if (github != null) {
            request.addHeader(ActingUser.GITHUB_HEADER, github);
        }
        return request;
    }

    private static JwtAuthenticationToken bridge() {
        return token("service-account-passerelle-chatops", Map.of("azp", "passerelle-chatops"), "ROLE_chat-bridge");
    }

    private static JwtAuthenticationToken token(String name, Map<String, Object> claims, String role) {
        var jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject(name).claim("preferred_username", name)
                .audience(List.of("passerelle")).issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60))
                .claims(c -> c.putAll(claims))
                .claim("realm_access", Map.of("roles", List.of(role.substring("ROLE_".length())))).build();
        return new JwtAuthenticationToken(jwt, new RealmRolesConverter().convert(jwt), name);
    }

    private static List<String> roles(Authentication authentication) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }
}
