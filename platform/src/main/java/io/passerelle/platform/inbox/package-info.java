/** The idempotent inbox: one queue per service, handlers per event type, a processed-message row per event. */
@NullMarked
package io.passerelle.platform.inbox;

import org.jspecify.annotations.NullMarked;
