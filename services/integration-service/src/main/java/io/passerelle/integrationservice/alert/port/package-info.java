/** What the alert intake needs from outside: the sources' signing settings and the notifications received lately. */
@NullMarked
package io.passerelle.integrationservice.alert.port;

import org.jspecify.annotations.NullMarked;
