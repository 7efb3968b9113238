/**
 * Problems and their incidents in PostgreSQL; saving a problem publishes its events and appends its lines to the
 * incidents' timelines. Also answers which problems incidents are linked to.
 */
@NullMarked
package io.passerelle.incidentservice.problem.adapter.persistence;

import org.jspecify.annotations.NullMarked;
