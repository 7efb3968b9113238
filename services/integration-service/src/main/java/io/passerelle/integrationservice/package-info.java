/** Toolchain integrations: signed webhooks in, deploy targets out (the application and its wiring). */
@NullMarked
package io.passerelle.integrationservice;

import org.jspecify.annotations.NullMarked;
