/** The alert sources' signing settings and the Grafana notifications received lately, in PostgreSQL. */
@NullMarked
package io.passerelle.integrationservice.alert.adapter.persistence;

import org.jspecify.annotations.NullMarked;
