package io.passerelle.console.web;

/**
 * The console's sections, in navigation order, with the realm roles whose API calls they rest on (the {@code x-roles}
 * of the operations each one reads, in api-specs/openapi): a user sees the sections their roles can use.
 */
public enum Section {

    APPROVALS("/approvals", "change-manager", "cab-member", "emergency-approver"),
    CALENDAR("/calendar", "change-manager", "cab-member", "emergency-approver", "release-manager", "service-desk"),
    RELEASES("/releases", "release-manager", "change-manager", "service-desk"),
    INCIDENTS("/incidents", "service-desk", "on-call", "problem-manager", "change-manager", "release-manager"),
    PROBLEMS("/problems", "problem-manager", "service-desk", "on-call", "change-manager", "release-manager"),
    CATALOG("/catalog", "release-manager", "change-manager", "service-desk"),
    METRICS("/metrics", "release-manager", "change-manager", "operator");

    private final String path;
    private final String[] roles;

    Section(String path, String... roles) {
        this.path = path;
        this.roles = roles;
    }

    public String path() {
        return path;
    }

    public String[] roles() {
        return roles.clone();
    }

    /** The message key of its name in the navigation. */
    public String label() {
        return "nav." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
