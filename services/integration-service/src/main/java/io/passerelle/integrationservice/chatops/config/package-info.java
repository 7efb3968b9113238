/** Wiring of ChatOps and its settings (passerelle.chatops.*). */
@NullMarked
package io.passerelle.integrationservice.chatops.config;

import org.jspecify.annotations.NullMarked;
