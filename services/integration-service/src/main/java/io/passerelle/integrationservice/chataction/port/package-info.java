/** The chat actions' ports: realm users, the services' endpoints, Slack's secret and requests, the answers. */
@NullMarked
package io.passerelle.integrationservice.chataction.port;

import org.jspecify.annotations.NullMarked;
