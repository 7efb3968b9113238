/** HTTP adapter of gates: implements the generated GatesApi (DeferredResult, for the long-poll). */
@NullMarked
package io.passerelle.releaseservice.gate.adapter.web;

import org.jspecify.annotations.NullMarked;
