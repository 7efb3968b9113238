/**
 * What GitHub intake and reviews need from outside: the deliveries already received, the protection requests (each
 * the outbox of its review), GitHub's API as the App, and the sender that makes the calls.
 */
@NullMarked
package io.passerelle.integrationservice.github.port;

import org.jspecify.annotations.NullMarked;
