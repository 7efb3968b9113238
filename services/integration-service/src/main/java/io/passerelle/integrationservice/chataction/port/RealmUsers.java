package io.passerelle.integrationservice.chataction.port;

import java.util.Optional;

import io.passerelle.integrationservice.chataction.ChatUser;
import io.passerelle.integrationservice.chataction.RealmUser;

/** The realm users, found by the chat user id in their attributes (port). */
public interface RealmUsers {

    /** The one enabled realm user whose attribute names this chat user; empty when none (or more than one) does. */
    Optional<RealmUser> linkedTo(ChatUser user);
}
