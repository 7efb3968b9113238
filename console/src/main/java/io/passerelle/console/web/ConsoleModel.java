package io.passerelle.console.web;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the user and the sections they may use into every page's model. */
@ControllerAdvice
class ConsoleModel {

    @ModelAttribute("me")
    @Nullable Me me(@Nullable Authentication authentication) {
        return authentication == null ? null : of(authentication);
    }

    @ModelAttribute("sections")
    List<Section> sections(@Nullable Authentication authentication) {
        if (authentication == null) {
            return List.of();
        }
        Me me = of(authentication);
        return Arrays.stream(Section.values()).filter(me::may).toList();
    }

    /** The page's own path: the navigation marks its section, the language switch reloads it. */
    @ModelAttribute("path")
    String path(HttpServletRequest request) {
        return request.getRequestURI();
    }

    /** Where "go back" leads: the page the user came from, if it was one of the console's, else the home page. */
    @ModelAttribute("back")
    String back(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return "/";
        }
        try {
            var from = java.net.URI.create(referer);
            String path = from.getRawPath() == null || from.getRawPath().isEmpty() ? "/" : from.getRawPath();
            return from.getRawQuery() == null ? path : path + "?" + from.getRawQuery();
        } catch (IllegalArgumentException notAnAddress) {
            return "/";
        }
    }

    static Me of(Authentication authentication) {
        Set<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).collect(Collectors.toUnmodifiableSet());
        String name = authentication.getPrincipal() instanceof OidcUser user && user.getPreferredUsername() != null
                ? user.getPreferredUsername() : authentication.getName();
        return new Me(name, roles);
    }
}
