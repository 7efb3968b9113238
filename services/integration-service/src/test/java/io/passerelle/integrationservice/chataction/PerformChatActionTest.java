package io.passerelle.integrationservice.chataction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.passerelle.integrationservice.chataction.ChatAction.Kind;
import io.passerelle.integrationservice.chataction.ChatUser.Platform;
import org.junit.jupiter.api.Test;

class PerformChatActionTest {

    final UUID change = UUID.fromString("9f3c1c2e-6a1b-4a7e-9d55-0c1a2b3c4d5e");
    final RealmUser alice = new RealmUser("alice", Set.of("change-manager"), Set.of());
    final List<ChatAction> called = new ArrayList<>();

    PerformChatAction perform(Map<String, RealmUser> linked, ServiceAnswer answer) {
        return new PerformChatAction(user -> Optional.ofNullable(linked.get(user.id())), (action, as) -> {
            called.add(action);
            return answer;
        });
    }

    @Test
    void an_unlinked_chat_user_is_told_so_and_nothing_is_called() {
        var text = perform(Map.of(), new ServiceAnswer(200, null, null))
                .perform(new ChatUser(Platform.SLACK, "UNOBODY"), new ChatAction(Kind.APPROVE_CHANGE, change, null));

        assertThat(text).startsWith("You are not linked").contains("slack-user-id (UNOBODY)");
        assertThat(called).isEmpty();
    }

    @Test
    void done_and_refused_are_said_with_the_user_and_the_services_words() {
        var slack = new ChatUser(Platform.SLACK, "U0ALICE");
        var approve = new ChatAction(Kind.APPROVE_CHANGE, change, null);

        assertThat(perform(Map.of("U0ALICE", alice), new ServiceAnswer(200, null, null)).perform(slack, approve))
                .isEqualTo("Done: approve change " + change + ", as alice.");
        assertThat(perform(Map.of("U0ALICE", alice), new ServiceAnswer(403, "Segregation of duties",
                "alice raised this change")).perform(slack, approve))
                .isEqualTo("Refused: approve change " + change + ", as alice — Segregation of duties: alice raised"
                        + " this change");
        assertThat(perform(Map.of("U0ALICE", alice), new ServiceAnswer(0, null, "connection refused"))
                .perform(slack, approve)).startsWith("Not done").contains("could not be reached");
        assertThat(called).hasSize(3);
    }

    @Test
    void slack_values_are_read_per_action() {
        var deployment = UUID.randomUUID();

        assertThat(ChatAction.fromSlack(Kind.CONFIRM_SUSPECT, change + ":" + deployment))
                .isEqualTo(new ChatAction(Kind.CONFIRM_SUSPECT, change, deployment));
        assertThat(Kind.slack("passerelle.rollback.start")).contains(Kind.START_ROLLBACK);
        assertThat(Kind.slack("passerelle.unknown")).isEmpty();
        assertThatThrownBy(() -> ChatAction.fromSlack(Kind.START_ROLLBACK, change.toString()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChatAction.fromSlack(Kind.APPROVE_CHANGE, "1-1-1-1-1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChatUser(Platform.SLACK, "U0/../x")).isInstanceOf(IllegalArgumentException.class);
    }
}
