/** Release orchestration: the service catalog, releases and deployments. */
@NullMarked
package io.passerelle.releaseservice;

import org.jspecify.annotations.NullMarked;
