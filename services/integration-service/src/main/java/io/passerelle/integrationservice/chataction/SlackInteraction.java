package io.passerelle.integrationservice.chataction;

/** A Slack button click Passerelle acts on: who clicked, what, and where to answer. */
public record SlackInteraction(ChatUser user, ChatAction action, String responseUrl) {
}
