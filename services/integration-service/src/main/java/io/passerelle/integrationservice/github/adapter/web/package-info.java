/** POST /webhooks/github: raw body in, signature checked before anything is written. */
@NullMarked
package io.passerelle.integration.github.web;

import org.jspecify.annotations.NullMarked;
