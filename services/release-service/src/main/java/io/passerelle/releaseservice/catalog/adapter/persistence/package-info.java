/** SQL adapter of the catalog: tables service and environment. */
@NullMarked
package io.passerelle.releaseservice.catalog.persistence;

import org.jspecify.annotations.NullMarked;
