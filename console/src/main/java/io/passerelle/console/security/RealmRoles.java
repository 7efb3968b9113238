package io.passerelle.console.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

/**
 * The user's realm roles, from the ID token's {@code realm_access.roles} (the console client's mapper puts them
 * there), as {@code ROLE_<role>}. The console uses them only to hide what a role may not do: the services decide.
 */
final class RealmRoles implements GrantedAuthoritiesMapper {

    @Override
    public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> authorities) {
        Set<GrantedAuthority> mapped = new HashSet<>(authorities);
        for (GrantedAuthority authority : authorities) {
            if (authority instanceof OidcUserAuthority oidc
                    && oidc.getIdToken().getClaims().get("realm_access") instanceof Map<?, ?> access
                    && access.get("roles") instanceof Collection<?> roles) {
                roles.forEach(role -> mapped.add(new SimpleGrantedAuthority("ROLE_" + role)));
            }
        }
        return mapped;
    }
}
