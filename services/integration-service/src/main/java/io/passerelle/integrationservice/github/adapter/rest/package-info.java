/**
 * GitHub's REST API as the App: its JWT (RS256, signed with the App's private key), installation tokens (cached until
 * shortly before they expire), the review of a protection rule; over HTTP connections pinned to the addresses the
 * platform's outbound guard checked.
 */
@NullMarked
package io.passerelle.integrationservice.github.adapter.rest;

import org.jspecify.annotations.NullMarked;
