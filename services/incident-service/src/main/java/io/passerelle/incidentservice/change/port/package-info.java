/** What the change projection needs from outside: where raised changes are kept. */
@NullMarked
package io.passerelle.incidentservice.change.port;

import org.jspecify.annotations.NullMarked;
