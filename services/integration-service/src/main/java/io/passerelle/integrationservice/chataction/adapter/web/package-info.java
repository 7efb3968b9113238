/** The Slack and Mattermost action webhooks and the Slack app's settings. */
@NullMarked
package io.passerelle.integrationservice.chataction.adapter.web;

import org.jspecify.annotations.NullMarked;
