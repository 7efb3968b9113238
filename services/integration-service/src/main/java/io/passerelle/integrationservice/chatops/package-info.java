/** ChatOps notifications: the chat channels an operator registers and the messages Passerelle's events post there. */
@NullMarked
package io.passerelle.integrationservice.chatops;

import org.jspecify.annotations.NullMarked;
