/** What every repository shares: the mapping of time to the database. */
@NullMarked
package io.passerelle.platform.persistence;

import org.jspecify.annotations.NullMarked;
