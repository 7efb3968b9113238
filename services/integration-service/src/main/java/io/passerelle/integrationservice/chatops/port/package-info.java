/** What ChatOps needs from outside: its channels, its outbox, its templates, its poster. */
@NullMarked
package io.passerelle.integrationservice.chatops.port;

import org.jspecify.annotations.NullMarked;
