/** A change's detail page (lifecycle, audit trail, deployment, incidents, risk, votes) and what it shows in common with the approvals inbox. */
@NullMarked
package io.passerelle.console.change;

import org.jspecify.annotations.NullMarked;
