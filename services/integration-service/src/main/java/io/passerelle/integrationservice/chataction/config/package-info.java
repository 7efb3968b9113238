/** Wires the chat actions with passerelle.chatops.*. */
@NullMarked
package io.passerelle.integrationservice.chataction.config;

import org.jspecify.annotations.NullMarked;
