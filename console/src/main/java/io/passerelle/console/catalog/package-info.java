/** The service catalog: services, their environments in promotion order with their policies, and their executors. */
@NullMarked
package io.passerelle.console.catalog;

import org.jspecify.annotations.NullMarked;
