/** The service catalog: services, their repository, sealed webhook secret and environments in promotion order. */
@NullMarked
package io.passerelle.releaseservice.catalog;

import org.jspecify.annotations.NullMarked;
