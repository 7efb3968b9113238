/** Auto-configuration and shared defaults of the platform. */
@NullMarked
package io.passerelle.platform.config;

import org.jspecify.annotations.NullMarked;
