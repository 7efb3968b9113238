/** Persistence adapter: freeze windows, and the catalog and changes they are checked against and shown with, in plain SQL. */
@NullMarked
package io.passerelle.changeservice.freezewindow.adapter.persistence;

import org.jspecify.annotations.NullMarked;
