/** Projects change.raised.v1 into the change record. */
@NullMarked
package io.passerelle.incidentservice.change.adapter.messaging;

import org.jspecify.annotations.NullMarked;
