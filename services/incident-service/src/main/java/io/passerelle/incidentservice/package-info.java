/** Incident management: incidents from monitoring and the service desk, with suspect deployments. */
@NullMarked
package io.passerelle.incidentservice;

import org.jspecify.annotations.NullMarked;
