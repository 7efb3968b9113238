/** POST /webhooks/alertmanager (role monitoring), read tolerantly. */
@NullMarked
package io.passerelle.integration.alert.web;

import org.jspecify.annotations.NullMarked;
