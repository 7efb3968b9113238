package io.passerelle.changeservice.freezewindow;

import java.time.Instant;

/** One occurrence of a freeze window: it covers every instant from its start (included) to its end (excluded). */
public record Occurrence(Instant start, Instant end) implements Comparable<Occurrence> {

    public Occurrence {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("an occurrence ends after it starts");
        }
    }

    public boolean covers(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }

    /** Whether some instant is covered by both (touching is not sharing: one ends when the other starts). */
    public boolean overlaps(Occurrence other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    @Override
    public int compareTo(Occurrence other) {
        int byStart = start.compareTo(other.start);
        return byStart != 0 ? byStart : end.compareTo(other.end);
    }
}
