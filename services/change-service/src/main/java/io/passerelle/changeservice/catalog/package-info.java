/** The change service's own projection of the service catalog: which environments a service has and which require approval. */
@NullMarked
package io.passerelle.changeservice.catalog;

import org.jspecify.annotations.NullMarked;
