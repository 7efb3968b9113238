package io.passerelle.platform.security;

import java.io.IOException;

import io.passerelle.platform.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs after the bearer token is authenticated: when it is the chat bridge's and the acting-user headers are sent,
 * the request goes on as the acting user ({@link ActingUser}); the bridge without both headers is refused (400), as a
 * malformed header is. Nobody else's headers are read.
 */
final class ActingUserFilter extends OncePerRequestFilter {

    private final ProblemWriter problems;

    ActingUserFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var strategy = SecurityContextHolder.getContextHolderStrategy();
        var authentication = strategy.getContext().getAuthentication();
        if (!ActingUser.isBridge(authentication)) {
            chain.doFilter(request, response);
            return;
        }
        var user = request.getHeader(ActingUser.USER_HEADER);
        var roles = request.getHeader(ActingUser.ROLES_HEADER);
        if (user == null || roles == null) {
            problems.write(response, HttpStatus.BAD_REQUEST, "bad-request", "Bad request", "the chat bridge acts"
                    + " only for a user: send " + ActingUser.USER_HEADER + " and " + ActingUser.ROLES_HEADER);
            return;
        }
        JwtAuthenticationToken acting;
        try {
            acting = ActingUser.actingFor((JwtAuthenticationToken) authentication, user, roles,
                    request.getHeader(ActingUser.GITHUB_HEADER));
        } catch (IllegalArgumentException e) {
            problems.write(response, HttpStatus.BAD_REQUEST, "bad-request", "Bad request", e.getMessage());
            return;
        }
        var context = strategy.createEmptyContext();
        context.setAuthentication(acting);
        strategy.setContext(context);
        chain.doFilter(request, response);
    }
}
