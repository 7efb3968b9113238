package io.passerelle.console.approval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.passerelle.console.change.Policy;
import io.passerelle.console.web.Me;
import org.jspecify.annotations.Nullable;

/** What the inbox lists and sends. */
final class Decisions {

    private Decisions() {
    }

    /**
     * The pending changes whose policy names one of the user's roles; a change whose policy the user cannot read is
     * kept (the service decides).
     */
    static List<Map<String, Object>> theirs(List<Map<String, Object>> pending, Map<String, Policy> policies, Me me) {
        return pending.stream().filter(c -> {
            Policy policy = policies.get(String.valueOf(c.get("id")));
            return policy == null || policy.names(me);
        }).toList();
    }

    /** A JSON body with the field when the user wrote something (the service says when it is required). */
    static Map<String, Object> body(String field, @Nullable String text) {
        var body = new HashMap<String, Object>();
        if (text != null && !text.isBlank()) {
            body.put(field, text.strip());
        }
        return body;
    }
}
