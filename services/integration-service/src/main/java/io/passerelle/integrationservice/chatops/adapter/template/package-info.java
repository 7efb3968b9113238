/** Message templates (Mustache, values JSON-escaped): shipped defaults, an operator's overrides. */
@NullMarked
package io.passerelle.integrationservice.chatops.adapter.template;

import org.jspecify.annotations.NullMarked;
