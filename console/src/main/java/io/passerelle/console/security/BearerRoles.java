package io.passerelle.console.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** A bearer token's realm roles ({@code realm_access.roles}) as {@code ROLE_<role>}, for the actuator's checks. */
final class BearerRoles implements Converter<Jwt, Collection<GrantedAuthority>> {

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        if (jwt.getClaimAsMap("realm_access") instanceof Map<?, ?> access && access.get("roles") instanceof Collection<?> names) {
            return names.stream().map(name -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + name)).toList();
        }
        return List.of();
    }
}
