/** What the catalog needs from outside: where the projection is kept. */
@NullMarked
package io.passerelle.integrationservice.catalog.port;

import org.jspecify.annotations.NullMarked;
