/** Keycloak: the bridge's client-credentials token, chat users linked to realm users (admin REST API), the services called as them. */
@NullMarked
package io.passerelle.integrationservice.chataction.adapter.keycloak;

import org.jspecify.annotations.NullMarked;
