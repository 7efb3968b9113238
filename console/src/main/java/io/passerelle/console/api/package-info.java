/** Calls to the services' APIs through the gateway, with the logged-in user's access token. */
@NullMarked
package io.passerelle.console.api;

import org.jspecify.annotations.NullMarked;
