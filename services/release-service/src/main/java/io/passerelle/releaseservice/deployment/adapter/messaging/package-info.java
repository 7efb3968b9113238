/** Handlers of change, dispatch and pipeline events, one class per upstream aggregate. */
@NullMarked
package io.passerelle.releaseservice.deployment.adapter.messaging;

import org.jspecify.annotations.NullMarked;
