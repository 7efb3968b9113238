package io.passerelle.changeservice.change;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A person acting on a change (deciding on it, implementing it, reviewing it): a realm user, with the toolchain logins the realm maps to that person (the {@code github}
 * user attribute, carried as a token claim) and their realm roles. Logins compare without regard to case, as
 * GitHub's do.
 */
public record Approver(String user, Set<String> toolchainLogins, Set<String> roles) {

    public Approver {
        toolchainLogins = toolchainLogins.stream().map(login -> login.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        roles = Set.copyOf(roles);
    }

    /** A change manager with no toolchain login. */
    public static Approver user(String user) {
        return new Approver(user, Set.of(), Set.of(ApprovalPolicy.CHANGE_MANAGER));
    }

    /**
     * Whether this approver is the person behind a request: its requester, or, for a change a pipeline raised
     * ({@code pipeline:<login>}), the person whose login triggered the pipeline — by a toolchain login the realm
     * maps to them, or by a realm user name equal to that login.
     */
    boolean isBehind(String requestedBy) {
        if (!requestedBy.startsWith(ChangeRequest.PIPELINE)) {
            return user.equalsIgnoreCase(requestedBy);
        }
        var login = requestedBy.substring(ChangeRequest.PIPELINE.length());
        return user.equalsIgnoreCase(login) || toolchainLogins.contains(login.toLowerCase(Locale.ROOT));
    }
}
