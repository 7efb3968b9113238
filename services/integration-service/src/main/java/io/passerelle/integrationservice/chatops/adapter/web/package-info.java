/** The operator's API: chat channels and the dead chat messages. */
@NullMarked
package io.passerelle.integrationservice.chatops.adapter.web;

import org.jspecify.annotations.NullMarked;
