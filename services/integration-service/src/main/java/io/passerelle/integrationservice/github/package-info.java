/**
 * GitHub deliveries: signature check, replay refusal, which workflow runs make a pipeline.succeeded, and the
 * protection rules of GitHub environments — a gate asked for each, and GitHub's run reviewed once it is decided.
 */
@NullMarked
package io.passerelle.integrationservice.github;

import org.jspecify.annotations.NullMarked;
