/** Signatures and sealed secrets, in plain Java. */
@NullMarked
package io.passerelle.platform.crypto;

import org.jspecify.annotations.NullMarked;
