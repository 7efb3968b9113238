/** What risk assessment needs from outside: the history of changes, the projection of incidents, the environment profiles. */
@NullMarked
package io.passerelle.changeservice.risk.port;

import org.jspecify.annotations.NullMarked;
