/** Events only ChatOps reads (proposed and declined rollbacks). */
@NullMarked
package io.passerelle.integrationservice.chatops.adapter.messaging;

import org.jspecify.annotations.NullMarked;
