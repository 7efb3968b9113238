/** The GitLab hooks received, by Idempotency-Key (PostgreSQL). */
@NullMarked
package io.passerelle.integrationservice.gitlab.adapter.persistence;

import org.jspecify.annotations.NullMarked;
