/** Wires the GitHub use cases: deliveries, the App's protection-rule gates and their reviews (passerelle.github.*). */
@NullMarked
package io.passerelle.integrationservice.github.config;

import org.jspecify.annotations.NullMarked;
