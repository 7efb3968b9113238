/** What the CDEvents feature needs from outside: an outbox of CDEvents and the versions last deployed. */
@NullMarked
package io.passerelle.integrationservice.cdevents.port;

import org.jspecify.annotations.NullMarked;
