/**
 * Gates for pipelines that deploy by themselves: a pipeline asks whether it may deploy, waits for the decision of
 * the change behind it, and reports how its deployment went.
 */
@NullMarked
package io.passerelle.releaseservice.gate;

import org.jspecify.annotations.NullMarked;
