package io.passerelle.integrationservice.chatops.port;

import java.util.Map;

import io.passerelle.integrationservice.chatops.ChatKind;
import io.passerelle.integrationservice.chatops.NotificationKind;

/** The templates messages are built from: one per notification and chat kind; values escaped for JSON strings. */
public interface MessageTemplates {

    /** The message's JSON body. */
    String render(NotificationKind notification, ChatKind chat, Map<String, Object> values);
}
