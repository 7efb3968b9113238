/** The change calendar: a month or week of freeze windows and changes, the deployments they hold, declaring and ending windows. */
@NullMarked
package io.passerelle.console.calendar;

import org.jspecify.annotations.NullMarked;
