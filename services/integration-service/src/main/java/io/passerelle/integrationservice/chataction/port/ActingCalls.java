package io.passerelle.integrationservice.chataction.port;

import io.passerelle.integrationservice.chataction.ChatAction;
import io.passerelle.integrationservice.chataction.RealmUser;
import io.passerelle.integrationservice.chataction.ServiceAnswer;

/** The services' own endpoints, called as a realm user (port). */
public interface ActingCalls {

    ServiceAnswer perform(ChatAction action, RealmUser as);
}
