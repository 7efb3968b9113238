/** HTTP adapter: the change endpoints of api-specs/openapi/change-service.yaml. */
@NullMarked
package io.passerelle.changeservice.change.adapter.web;

import org.jspecify.annotations.NullMarked;
