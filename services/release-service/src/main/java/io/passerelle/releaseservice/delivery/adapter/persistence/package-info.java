/** The finished deployments' history, read with one indexed query per range. */
@NullMarked
package io.passerelle.releaseservice.delivery.adapter.persistence;

import org.jspecify.annotations.NullMarked;
