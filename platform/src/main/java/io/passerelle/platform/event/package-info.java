/** The CloudEvents envelope that carries every Passerelle event. */
@NullMarked
package io.passerelle.platform.event;

import org.jspecify.annotations.NullMarked;
