/** Live risk: a score 0–100 of a change to a service in an environment, computed from the service's own history, open incidents and the environment's profile, each factor explained (ADR 0009). */
@NullMarked
package io.passerelle.changeservice.risk;

import org.jspecify.annotations.NullMarked;
