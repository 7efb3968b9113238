/**
 * The fuzzing mode of the end-to-end suite: requests generated from the OpenAPI specs, each one that the contract
 * refuses, sent through the gateway of the real stack; no 5xx, every refusal problem+json, nothing written, nothing
 * dead-lettered.
 */
@NullMarked
package io.passerelle.e2e.fuzz;

import org.jspecify.annotations.NullMarked;
