/** Wiring of the GitLab intake. */
@NullMarked
package io.passerelle.integrationservice.gitlab.config;

import org.jspecify.annotations.NullMarked;
