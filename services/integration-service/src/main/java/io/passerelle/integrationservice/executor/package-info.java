/** Carrying out authorized deployments: a dispatch outbox, one signed call per attempt to the deploy target, retries across attempts, and the outcome. */
@NullMarked
package io.passerelle.integrationservice.executor;

import org.jspecify.annotations.NullMarked;
