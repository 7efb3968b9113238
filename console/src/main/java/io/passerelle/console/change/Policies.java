package io.passerelle.console.change;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.passerelle.console.api.Api;
import io.passerelle.console.web.Me;
import org.springframework.stereotype.Component;

/**
 * The approval policies in force, for the roles change-service lets read them (change-manager, cab-member); for
 * others the policy of a change is not shown, rather than guessed.
 */
@Component
public class Policies {

    static final String[] READERS = {"change-manager", "cab-member"};

    private final Api api;

    Policies(Api api) {
        this.api = api;
    }

    /** The policy of each change waiting for approval, by change id; empty when the user may not read policies. */
    public Map<String, Policy> of(List<Map<String, Object>> changes, Me me) {
        var byChange = new HashMap<String, Policy>();
        if (!me.has(READERS) || changes.isEmpty()) {
            return byChange;
        }
        var policies = api.list(u -> u.path("/api/v1/approval-policies").build());
        changes.forEach(c -> Policy.of(c, policies).ifPresent(p -> byChange.put(String.valueOf(c.get("id")), p)));
        return byChange;
    }
}
