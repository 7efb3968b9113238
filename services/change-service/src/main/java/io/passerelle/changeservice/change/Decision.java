package io.passerelle.changeservice.change;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/** A decision taken on a change: who, approved or rejected, the comment (approval) or the reason (rejection), when. */
public record Decision(String by, Verdict verdict, @Nullable String comment, Instant at) {

    public Decision {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(at, "at");
    }
}
