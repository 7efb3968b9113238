/** POST /webhooks/alertmanager (role monitoring), read tolerantly. */
@NullMarked
package io.passerelle.integrationservice.alert.adapter.web;

import org.jspecify.annotations.NullMarked;
