/** What GitHub intake needs from outside: the record of deliveries already received. */
@NullMarked
package io.passerelle.integrationservice.github.port;

import org.jspecify.annotations.NullMarked;
