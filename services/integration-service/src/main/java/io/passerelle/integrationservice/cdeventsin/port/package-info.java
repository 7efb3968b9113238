/** What CDEvents in needs from outside: the registered senders and the CDEvents already received. */
@NullMarked
package io.passerelle.integrationservice.cdeventsin.port;

import org.jspecify.annotations.NullMarked;
