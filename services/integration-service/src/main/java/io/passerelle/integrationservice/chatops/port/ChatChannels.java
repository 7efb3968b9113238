package io.passerelle.integrationservice.chatops.port;

import java.util.List;
import java.util.Optional;

import io.passerelle.integrationservice.chatops.ChatChannel;

/** The registered chat channels. */
public interface ChatChannels {

    Optional<ChatChannel> named(String name);

    /** Every channel, by name. */
    List<ChatChannel> all();

    /** Creates or replaces the channel of that name. */
    void save(ChatChannel channel);

    /** @return whether there was one */
    boolean delete(String name);
}
