/**
 * Actions taken from chat: a button of a Passerelle message clicked in Slack or Mattermost, authenticated (Slack's
 * signing secret, the channel's action token), its chat user linked to a realm user, performed through the services'
 * own endpoints as that user, and the outcome answered in the chat.
 */
@NullMarked
package io.passerelle.integrationservice.chataction;

import org.jspecify.annotations.NullMarked;
