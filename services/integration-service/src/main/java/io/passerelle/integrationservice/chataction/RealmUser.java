package io.passerelle.integrationservice.chataction;

import java.util.Set;

/**
 * The realm user a chat user is linked to: the name services record as the actor, the effective realm roles, and the
 * GitHub logins (attribute {@code github}) the segregation-of-duties checks compare.
 */
public record RealmUser(String username, Set<String> roles, Set<String> githubLogins) {

    public RealmUser {
        roles = Set.copyOf(roles);
        githubLogins = Set.copyOf(githubLogins);
    }
}
