/** Every refusal the gateway makes itself, down to malformed HTTP, answered as RFC 9457 problem+json. */
@NullMarked
package io.passerelle.gateway.problem;

import org.jspecify.annotations.NullMarked;
