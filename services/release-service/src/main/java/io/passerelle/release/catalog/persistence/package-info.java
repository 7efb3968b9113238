/** SQL adapter of the catalog: tables service and environment. */
@NullMarked
package io.passerelle.release.catalog.persistence;

import org.jspecify.annotations.NullMarked;
