/** What the executor needs from outside: the dispatch outbox, the deploy targets, and the dispatcher that sends. */
@NullMarked
package io.passerelle.integrationservice.executor.port;

import org.jspecify.annotations.NullMarked;
