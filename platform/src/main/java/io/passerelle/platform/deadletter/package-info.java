/** Inspecting and replaying a service's dead-letter queue. */
@NullMarked
package io.passerelle.platform.deadletter;

import org.jspecify.annotations.NullMarked;
