/**
 * CDEvents in over HTTP: {@code POST /webhooks/cdevents} (CloudEvents structured and binary content modes, the
 * CDEvents v0.5.1 schemas shipped in {@code classpath:cdevents/v0.5.1}) and the senders API.
 */
@NullMarked
package io.passerelle.integrationservice.cdeventsin.adapter.web;

import org.jspecify.annotations.NullMarked;
