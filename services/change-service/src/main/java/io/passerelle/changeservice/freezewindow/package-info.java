/** Freeze (blackout) windows: when changes to which services and environments must wait, and the change calendar. */
@NullMarked
package io.passerelle.changeservice.freezewindow;

import org.jspecify.annotations.NullMarked;
