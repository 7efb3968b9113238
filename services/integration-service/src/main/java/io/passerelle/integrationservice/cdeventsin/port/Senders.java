package io.passerelle.integrationservice.cdeventsin.port;

import java.util.List;

import io.passerelle.integrationservice.cdeventsin.Sender;

/** The registered CDEvents senders (port). */
public interface Senders {

    /** Adds the sender or replaces its token. */
    void save(Sender sender);

    /** All of them, by name. */
    List<Sender> all();

    /** False when there was none of that name. */
    boolean remove(String name);
}
