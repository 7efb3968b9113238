/** HTTP adapter: the live risk assessment and the environment profiles of api-specs/openapi/change-service.yaml. */
@NullMarked
package io.passerelle.changeservice.risk.adapter.web;

import org.jspecify.annotations.NullMarked;
