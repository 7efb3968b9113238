/** What delivery performance reads from outside: the history of finished deployments. */
@NullMarked
package io.passerelle.releaseservice.delivery.port;

import org.jspecify.annotations.NullMarked;
