package io.passerelle.incidentservice.incident.adapter.web;

import io.passerelle.platform.security.Roles;

/** Who may do what to incidents (docs/security.md); {@link Caller} says who is asking. */
final class Access {

    /** Logs incidents, closes and reopens them, changes their priority. */
    static final String SERVICE_DESK = "hasRole('" + Roles.SERVICE_DESK + "')";
    /**
     * Acknowledge, start, hold, resume, resolve, assign, take notes, confirm or dismiss suspects: the service desk and
     * the on-call engineer.
     */
    static final String WORKERS = "hasAnyRole('" + Roles.SERVICE_DESK + "', '" + Roles.ON_CALL + "')";
    /** Read incidents and their timelines. */
    static final String READERS = "hasAnyRole('" + Roles.SERVICE_DESK + "', '" + Roles.ON_CALL + "', '"
            + Roles.PROBLEM_MANAGER + "', '" + Roles.CHANGE_MANAGER + "', '" + Roles.RELEASE_MANAGER + "')";

    private Access() {
    }
}
