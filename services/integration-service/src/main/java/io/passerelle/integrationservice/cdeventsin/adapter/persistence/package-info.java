/** The registered CDEvents senders and the CDEvents received, in PostgreSQL (V13). */
@NullMarked
package io.passerelle.integrationservice.cdeventsin.adapter.persistence;

import org.jspecify.annotations.NullMarked;
