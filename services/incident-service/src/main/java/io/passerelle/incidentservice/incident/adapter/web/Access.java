package io.passerelle.incidentservice.incident.adapter.web;

import io.passerelle.platform.security.Roles;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who may do what to incidents (docs/security.md), and who is asking. */
final class Access {

    /** Logs incidents, closes and reopens them, changes their priority. */
    static final String SERVICE_DESK = "hasRole('" + Roles.SERVICE_DESK + "')";
    /** Acknowledge, start, hold, resume, resolve, assign, take notes: the service desk and the on-call engineer. */
    static final String WORKERS = "hasAnyRole('" + Roles.SERVICE_DESK + "', '" + Roles.ON_CALL + "')";
    /** Read incidents and their timelines. */
    static final String READERS = "hasAnyRole('" + Roles.SERVICE_DESK + "', '" + Roles.ON_CALL + "', '"
            + Roles.PROBLEM_MANAGER + "', '" + Roles.CHANGE_MANAGER + "', '" + Roles.RELEASE_MANAGER + "')";

    private Access() {
    }

    static String caller() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            throw new IllegalStateException("no authenticated caller");
        }
        return authentication.getName();
    }
}
