/** Signatures, sealed secrets and deployment callback credentials, in plain Java. */
@NullMarked
package io.passerelle.platform.crypto;

import org.jspecify.annotations.NullMarked;
