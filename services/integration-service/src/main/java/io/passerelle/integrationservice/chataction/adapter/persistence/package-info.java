/** The Slack app, the Slack requests seen, the queued Slack actions and the Mattermost channels' tokens, in PostgreSQL. */
@NullMarked
package io.passerelle.integrationservice.chataction.adapter.persistence;

import org.jspecify.annotations.NullMarked;
