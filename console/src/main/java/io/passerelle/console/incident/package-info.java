/** The incident board, logging an incident, and working one: its timeline, suspects, rollback and lifecycle. */
@NullMarked
package io.passerelle.console.incident;

import org.jspecify.annotations.NullMarked;
