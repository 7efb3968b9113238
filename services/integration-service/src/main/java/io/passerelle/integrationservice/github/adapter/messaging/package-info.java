/** Gate decisions (gate.decided.v1) → the review GitHub is owed. */
@NullMarked
package io.passerelle.integrationservice.github.adapter.messaging;

import org.jspecify.annotations.NullMarked;
