/**
 * GitLab hooks: the project's token checked, a retried hook deduplicated, and which pipelines make pipeline events.
 */
@NullMarked
package io.passerelle.integrationservice.gitlab;

import org.jspecify.annotations.NullMarked;
