/** Live updates: the services' events, reduced to "what kind of thing changed", pushed to open pages (SSE). */
@NullMarked
package io.passerelle.console.live;

import org.jspecify.annotations.NullMarked;
