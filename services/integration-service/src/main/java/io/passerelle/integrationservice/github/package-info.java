/** GitHub deliveries: signature check, replay refusal, and which workflow runs make a pipeline.succeeded. */
@NullMarked
package io.passerelle.integrationservice.github;

import org.jspecify.annotations.NullMarked;
