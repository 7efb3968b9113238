package io.passerelle.console.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.passerelle.console.change.Policy;
import io.passerelle.console.web.Me;
import org.junit.jupiter.api.Test;

class DecisionsTest {

    @Test
    void the_inbox_keeps_the_changes_whose_policy_names_the_user_s_roles_or_whose_policy_is_not_readable() {
        var pending = List.<Map<String, Object>>of(Map.of("id", "a"), Map.of("id", "b"), Map.of("id", "c"));
        var policies = Map.of("a", new Policy(0, 1, List.of("change-manager"), true, null, null),
                "b", new Policy(2, 2, List.of("cab-member"), false, null, "alice"));
        assertThat(Decisions.theirs(pending, policies, new Me("carol", Set.of("cab-member"))))
                .extracting(c -> c.get("id")).containsExactly("b", "c");
    }

    @Test
    void an_empty_comment_is_left_out_for_the_service_to_judge() {
        assertThat(Decisions.body("reason", "  ")).isEmpty();
        assertThat(Decisions.body("comment", " ship it ")).containsExactly(Map.entry("comment", "ship it"));
    }
}
