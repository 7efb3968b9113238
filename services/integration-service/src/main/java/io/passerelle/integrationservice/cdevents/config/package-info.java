/** Wiring of the CDEvents feature and its settings (passerelle.cdevents.*). */
@NullMarked
package io.passerelle.integrationservice.cdevents.config;

import org.jspecify.annotations.NullMarked;
