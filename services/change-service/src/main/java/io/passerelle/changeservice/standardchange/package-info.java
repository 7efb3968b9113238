/** Standard-change templates: pre-approved models of low-risk changes, versioned, and the matching of a pipeline change against them. */
@NullMarked
package io.passerelle.changeservice.standardchange;

import org.jspecify.annotations.NullMarked;
