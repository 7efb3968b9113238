/** Change enablement: change requests, approvals and their audit trail (the application and its wiring). */
@NullMarked
package io.passerelle.changeservice;

import org.jspecify.annotations.NullMarked;
