/** HTTP adapter: the standard-change templates of api-specs/openapi/change-service.yaml. */
@NullMarked
package io.passerelle.changeservice.standardchange.adapter.web;

import org.jspecify.annotations.NullMarked;
