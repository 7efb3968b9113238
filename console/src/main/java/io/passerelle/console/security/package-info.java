/** Login through Keycloak (authorization code with PKCE), the session, CSRF and logout: the backend-for-frontend. */
@NullMarked
package io.passerelle.console.security;

import org.jspecify.annotations.NullMarked;
