/** The CDEvents outbox and the deployed versions in PostgreSQL. */
@NullMarked
package io.passerelle.integrationservice.cdevents.adapter.persistence;

import org.jspecify.annotations.NullMarked;
