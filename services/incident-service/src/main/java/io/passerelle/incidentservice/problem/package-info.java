/**
 * Problems: the causes behind incidents, investigated, recorded as known errors with their workaround and what they
 * match, resolved by a change, closed; the known error database that incidents consult when they open.
 */
@NullMarked
package io.passerelle.incidentservice.problem;

import org.jspecify.annotations.NullMarked;
