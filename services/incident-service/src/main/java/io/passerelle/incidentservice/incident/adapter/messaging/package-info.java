/**
 * Opens and resolves incidents from monitoring's alert events; projects finished deployments, and computes again the
 * suspects of the open incidents a deployment reported late concerns.
 */
@NullMarked
package io.passerelle.incidentservice.incident.adapter.messaging;

import org.jspecify.annotations.NullMarked;
