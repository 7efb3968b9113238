/** Releases moving through a service's environments, each deployment's facts, promotion and rollback. */
@NullMarked
package io.passerelle.console.release;

import org.jspecify.annotations.NullMarked;
