/** HTTP edge shared by all services: problem+json for every error, body size limits. */
@NullMarked
package io.passerelle.platform.web;

import org.jspecify.annotations.NullMarked;
