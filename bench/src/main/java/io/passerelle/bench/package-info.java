/** The benchmark of the golden path on a running stack. */
@NullMarked
package io.passerelle.bench;

import org.jspecify.annotations.NullMarked;
