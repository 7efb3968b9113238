/** The service catalog: services, their repository, sealed webhook secret and environments in promotion order. */
@NullMarked
package io.passerelle.release.catalog;

import org.jspecify.annotations.NullMarked;
