/** What problem management needs from outside: where problems are kept (and their events published). */
@NullMarked
package io.passerelle.incidentservice.problem.port;

import org.jspecify.annotations.NullMarked;
