/** Sends the queued reviews to GitHub, outside any transaction (the review worker). */
@NullMarked
package io.passerelle.integrationservice.github.adapter.worker;

import org.jspecify.annotations.NullMarked;
