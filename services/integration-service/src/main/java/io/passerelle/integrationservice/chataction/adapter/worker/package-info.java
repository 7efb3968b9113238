/** Performs the queued Slack actions and posts their answers. */
@NullMarked
package io.passerelle.integrationservice.chataction.adapter.worker;

import org.jspecify.annotations.NullMarked;
