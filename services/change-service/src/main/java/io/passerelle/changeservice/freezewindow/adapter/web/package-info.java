/** Web adapter: the freeze window and calendar endpoints, JSON and iCalendar (RFC 5545). */
@NullMarked
package io.passerelle.changeservice.freezewindow.adapter.web;

import org.jspecify.annotations.NullMarked;
