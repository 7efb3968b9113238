package io.passerelle.incidentservice.incident;

import org.jspecify.annotations.Nullable;

/** Who works an incident: a person, a group, both, or nobody yet. */
public record Assignment(@Nullable String assignee, @Nullable String group) {

    public static final Assignment NOBODY = new Assignment(null, null);

    public Assignment {
        assignee = blankToNull(assignee);
        group = blankToNull(group);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** {@code otto (group payments-oncall)}, {@code otto}, {@code group payments-oncall}, {@code nobody}. */
    @Override
    public String toString() {
        if (assignee == null) {
            return group == null ? "nobody" : "group " + group;
        }
        return group == null ? assignee : assignee + " (group " + group + ")";
    }
}
