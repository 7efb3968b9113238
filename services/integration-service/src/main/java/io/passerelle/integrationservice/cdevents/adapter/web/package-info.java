/** The operator's view of the CDEvents produced: the log with each destination's delivery, and the replay of a failed one. */
@NullMarked
package io.passerelle.integrationservice.cdevents.adapter.web;

import org.jspecify.annotations.NullMarked;
