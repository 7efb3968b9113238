/** What the catalog needs from outside: its store of services. */
@NullMarked
package io.passerelle.releaseservice.catalog.port;

import org.jspecify.annotations.NullMarked;
