package io.passerelle.platform.security;

/** The realm roles of Passerelle, as used in {@code @PreAuthorize} expressions. */
public final class Roles {

    public static final String CHANGE_MANAGER = "change-manager";
    /** A member of the change advisory board: may approve or reject where an approval policy names the role. */
    public static final String CAB_MEMBER = "cab-member";
    /** May approve emergency changes where the emergency approval policy names the role (it does by default). */
    public static final String EMERGENCY_APPROVER = "emergency-approver";
    public static final String RELEASE_MANAGER = "release-manager";
    public static final String SERVICE_DESK = "service-desk";
    public static final String PIPELINE = "pipeline";
    public static final String MONITORING = "monitoring";
    public static final String OPERATOR = "operator";
    /** The on-call engineer: acknowledges and works incidents, confirms or dismisses their suspect deployments. */
    public static final String ON_CALL = "on-call";
    /** Owns problems (root causes behind incidents) and the known error database. */
    public static final String PROBLEM_MANAGER = "problem-manager";

    /** integration-service's chat bridge only: acts for the realm user behind a chat action ({@link ActingUser}). */
    public static final String CHAT_BRIDGE = ActingUser.BRIDGE_ROLE;

    private Roles() {
    }
}
