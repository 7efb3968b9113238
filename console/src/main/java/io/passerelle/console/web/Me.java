package io.passerelle.console.web;

import java.util.Set;

/**
 * The logged-in user as the pages see it: a name to show, and the realm roles, used only to hide what a role may not
 * do (the services still decide every request).
 */
public record Me(String name, Set<String> roles) {

    /** Whether the user holds at least one of the roles. */
    public boolean has(String... any) {
        for (String role : any) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    public boolean may(Section section) {
        return has(section.roles());
    }
}
