/** Plain-Java exceptions that domain code of every service may throw; no Spring, no transport. */
@NullMarked
package io.passerelle.platform.domain;

import org.jspecify.annotations.NullMarked;
