/** chat_channel and the chat_message outbox in PostgreSQL. */
@NullMarked
package io.passerelle.integrationservice.chatops.adapter.persistence;

import org.jspecify.annotations.NullMarked;
