/** What a client may send through the gateway: body sizes, and request rates per client and per address (Redis). */
@NullMarked
package io.passerelle.gateway.limit;

import org.jspecify.annotations.NullMarked;
