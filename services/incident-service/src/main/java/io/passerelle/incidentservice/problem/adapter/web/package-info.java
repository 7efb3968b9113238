/** The problems REST API (implements the generated contract of api-specs/openapi/incident-service.yaml). */
@NullMarked
package io.passerelle.incidentservice.problem.adapter.web;

import org.jspecify.annotations.NullMarked;
