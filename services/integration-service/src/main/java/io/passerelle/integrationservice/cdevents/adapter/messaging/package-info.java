/** Passerelle's events read (tolerantly) and turned into CDEvents, in the inbox transaction. */
@NullMarked
package io.passerelle.integrationservice.cdevents.adapter.messaging;

import org.jspecify.annotations.NullMarked;
