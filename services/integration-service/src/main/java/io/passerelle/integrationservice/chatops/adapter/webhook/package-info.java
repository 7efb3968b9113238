/** Posts the chat outbox to Slack and Mattermost incoming webhooks, through the platform's OutboxPoster. */
@NullMarked
package io.passerelle.integrationservice.chatops.adapter.webhook;

import org.jspecify.annotations.NullMarked;
