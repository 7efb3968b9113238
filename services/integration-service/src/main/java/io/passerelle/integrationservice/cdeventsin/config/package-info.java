/** Wiring of CDEvents in. */
@NullMarked
package io.passerelle.integrationservice.cdeventsin.config;

import org.jspecify.annotations.NullMarked;
