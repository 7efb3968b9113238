package io.passerelle.integrationservice.chatops.port;

/** Whatever posts the chat outbox: woken once new messages are committed. */
public interface ChatPoster {

    void wakeUpAfterCommit();
}
