/** The pipeline runs reported, by Idempotency-Key (PostgreSQL). */
@NullMarked
package io.passerelle.integrationservice.pipelinerun.adapter.persistence;

import org.jspecify.annotations.NullMarked;
