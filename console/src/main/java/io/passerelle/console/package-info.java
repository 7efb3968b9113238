/** The web console: server-rendered pages over the services' APIs, called with the logged-in user's token. */
@NullMarked
package io.passerelle.console;

import org.jspecify.annotations.NullMarked;
