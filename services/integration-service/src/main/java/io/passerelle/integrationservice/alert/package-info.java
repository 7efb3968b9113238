/**
 * Monitoring alerts from Alertmanager and Grafana: how a source authenticates, which service and environment an alert
 * names (or none: unattributed), and the fired / resolved events they become.
 */
@NullMarked
package io.passerelle.integrationservice.alert;

import org.jspecify.annotations.NullMarked;
