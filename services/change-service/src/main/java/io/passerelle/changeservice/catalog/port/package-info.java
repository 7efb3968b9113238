/** What the catalog projection needs from outside the domain: the store of the services' environments. */
@NullMarked
package io.passerelle.changeservice.catalog.port;

import org.jspecify.annotations.NullMarked;
