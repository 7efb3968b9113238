/** Carrying out authorized deployments: a signed call to the environment's deploy target, and its outcome. */
@NullMarked
package io.passerelle.integration.executor;

import org.jspecify.annotations.NullMarked;
