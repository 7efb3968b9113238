package io.passerelle.console.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class BearerRolesTest {

    static Jwt token(Map<String, Object> claims) {
        var builder = Jwt.withTokenValue("t").header("alg", "RS256").issuedAt(Instant.now()).subject("oscar");
        claims.forEach(builder::claim);
        return builder.build();
    }

    @Test
    void the_realm_roles_become_authorities() {
        var roles = new BearerRoles().convert(token(Map.of("realm_access", Map.of("roles", List.of("operator", "on-call")))));
        assertThat(roles).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_operator", "ROLE_on-call");
    }

    @Test
    void a_token_without_realm_roles_has_none() {
        assertThat(new BearerRoles().convert(token(Map.of("scope", "openid")))).isEmpty();
        assertThat(new BearerRoles().convert(token(Map.of("realm_access", Map.of("roles", "operator"))))).isEmpty();
    }
}
