package io.passerelle.platform.test;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.util.Arrays;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

/** MockMvc bearer tokens shaped like the realm's: the user name as subject and preferred_username, realm roles. */
public final class TestJwts {

    private TestJwts() {
    }

    public static JwtRequestPostProcessor user(String name, String... roles) {
        return user(name, java.util.Map.of(), roles);
    }

    /** The same, with more claims (e.g. {@code github}, the toolchain login the realm maps to the user). */
    public static JwtRequestPostProcessor user(String name, java.util.Map<String, Object> claims, String... roles) {
        return jwt().jwt(j -> j.subject(name).claim("preferred_username", name).claims(c -> c.putAll(claims)))
                .authorities(Arrays.stream(roles).map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r)).toList());
    }
}
