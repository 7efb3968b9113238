/** What the freeze window domain needs from outside: the store of windows, the catalog's names, the changes to show. */
@NullMarked
package io.passerelle.changeservice.freezewindow.port;

import org.jspecify.annotations.NullMarked;
