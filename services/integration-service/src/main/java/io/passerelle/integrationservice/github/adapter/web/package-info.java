/** POST /webhooks/github: raw body in, signature checked before anything is written. */
@NullMarked
package io.passerelle.integrationservice.github.adapter.web;

import org.jspecify.annotations.NullMarked;
