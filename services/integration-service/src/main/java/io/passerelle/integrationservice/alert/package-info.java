/** Monitoring alerts: which ones name a service and an environment, and the fired / resolved events they become. */
@NullMarked
package io.passerelle.integrationservice.alert;

import org.jspecify.annotations.NullMarked;
