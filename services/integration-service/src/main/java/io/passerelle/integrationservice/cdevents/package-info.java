/** Passerelle's events told to the rest of the toolchain as CDEvents (v0.5.1; approvals after the spec's draft). */
@NullMarked
package io.passerelle.integrationservice.cdevents;

import org.jspecify.annotations.NullMarked;
