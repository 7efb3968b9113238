package io.passerelle.incidentservice.incident.adapter.web;

import org.springframework.security.core.context.SecurityContextHolder;

/** Who is calling: the authenticated user's name (the token's subject as the platform maps it). */
final class Caller {

    private Caller() {
    }

    static String name() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            throw new IllegalStateException("no authenticated caller");
        }
        return authentication.getName();
    }
}
