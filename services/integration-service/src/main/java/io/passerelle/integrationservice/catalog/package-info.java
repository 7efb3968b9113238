/** The integration-side copy of the service catalog: which repository is which service, and its sealed webhook secret. */
@NullMarked
package io.passerelle.integrationservice.catalog;

import org.jspecify.annotations.NullMarked;
