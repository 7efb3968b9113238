/** The webhook executor's callback: a deploy target reports how a deployment ended, signed per deployment. */
@NullMarked
package io.passerelle.integrationservice.executor.adapter.web;

import org.jspecify.annotations.NullMarked;
