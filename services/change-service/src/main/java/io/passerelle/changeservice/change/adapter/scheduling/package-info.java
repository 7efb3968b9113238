/** The change feature's own background work: letting held changes proceed when their freeze is over. */
@NullMarked
package io.passerelle.changeservice.change.adapter.scheduling;

import org.jspecify.annotations.NullMarked;
