/** What the GitLab intake needs from outside (ports). */
@NullMarked
package io.passerelle.integrationservice.gitlab.port;

import org.jspecify.annotations.NullMarked;
