/** Release orchestration: the service catalog, releases and deployments. */
@NullMarked
package io.passerelle.release;

import org.jspecify.annotations.NullMarked;
