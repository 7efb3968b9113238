/** The approvals inbox: the changes waiting for a decision the user's roles may take, decided in one click. */
@NullMarked
package io.passerelle.console.approval;

import org.jspecify.annotations.NullMarked;
