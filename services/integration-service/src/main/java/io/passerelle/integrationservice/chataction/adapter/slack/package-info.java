/** Answers posted to a Slack interaction's response_url, through the outbound guard. */
@NullMarked
package io.passerelle.integrationservice.chataction.adapter.slack;

import org.jspecify.annotations.NullMarked;
