package io.passerelle.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiRefusalTest {

    @Test
    void a_requester_approving_their_own_change_is_not_told_to_ask_for_a_role() {
        var own = new ApiRefusal(403, "Segregation of duties", "bob requested change 1 and cannot approve it",
                "https://passerelle.io/problems/segregation-of-duties");
        assertThat(own.forbidden()).isFalse();
        assertThat(new ApiRefusal(403, "Forbidden", "Your roles do not allow this operation",
                "https://passerelle.io/problems/forbidden").forbidden()).isTrue();
        assertThat(new ApiRefusal(403, "Forbidden", null, null).forbidden()).isTrue();
        assertThat(new ApiRefusal(409, "Conflict", null, null).forbidden()).isFalse();
    }
}
