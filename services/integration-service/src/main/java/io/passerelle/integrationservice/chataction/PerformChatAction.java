package io.passerelle.integrationservice.chataction;

import io.passerelle.integrationservice.chataction.port.ActingCalls;
import io.passerelle.integrationservice.chataction.port.RealmUsers;

/**
 * Performs a chat action as the realm user the chat user is linked to, through the service's own endpoint (same roles
 * and segregation of duties as on the API), and says in one line what happened, for the chat. A chat user no realm
 * user is linked to is told so, and nothing is called.
 */
public final class PerformChatAction {

    private final RealmUsers users;
    private final ActingCalls calls;

    public PerformChatAction(RealmUsers users, ActingCalls calls) {
        this.users = users;
        this.calls = calls;
    }

    /** The answer for the chat. */
    public String perform(ChatUser user, ChatAction action) {
        var linked = users.linkedTo(user);
        if (linked.isEmpty()) {
            return "You are not linked to a Passerelle user, so nothing was done (" + action.describe() + "). Ask an"
                    + " administrator to set your " + user.platform().attribute() + " (" + user.id() + ") on your"
                    + " realm user.";
        }
        var realmUser = linked.get();
        var answer = calls.perform(action, realmUser);
        if (answer.done()) {
            return "Done: " + action.describe() + ", as " + realmUser.username() + ".";
        }
        if (answer.status() == 0) {
            return "Not done: " + action.describe() + " — Passerelle could not be reached (" + answer.detail()
                    + "); try again.";
        }
        return "Refused: " + action.describe() + ", as " + realmUser.username() + " — "
                + (answer.title() == null ? "HTTP " + answer.status() : answer.title())
                + (answer.detail() == null ? "" : ": " + answer.detail());
    }
}
