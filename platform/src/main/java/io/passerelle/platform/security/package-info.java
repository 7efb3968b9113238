/** JWT resource-server security with Keycloak realm roles. */
@NullMarked
package io.passerelle.platform.security;

import org.jspecify.annotations.NullMarked;
