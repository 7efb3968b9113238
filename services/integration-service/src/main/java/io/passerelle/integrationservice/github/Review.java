package io.passerelle.integrationservice.github;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The review GitHub receives for a protection rule once its gate is decided for good: {@code approved} lets the run
 * deploy, {@code rejected} fails it; the comment, shown on the run, names the change and the decision's reason.
 */
public record Review(State state, String comment) {

    /** A comment is for people: a longer reason is cut. */
    static final int MAX_REASON = 1000;

    public enum State {
        APPROVED("approved"), REJECTED("rejected");

        private final String wire;

        State(String wire) {
            this.wire = wire;
        }

        /** As GitHub's {@code state} field spells it. */
        public String wire() {
            return wire;
        }

        public static State ofWire(String wire) {
            for (var state : values()) {
                if (state.wire.equals(wire)) {
                    return state;
                }
            }
            throw new IllegalArgumentException("not a review state: " + wire);
        }
    }

    /** The review a decision calls for; empty while the decision is not final ({@code PENDING}, {@code HELD}, …). */
    public static Optional<Review> of(GateDecision decision) {
        var change = decision.changeId() == null ? "" : " (change " + decision.changeId() + ")";
        return switch (decision.decision()) {
            case "ALLOWED" -> Optional.of(new Review(State.APPROVED, "Passerelle allowed this deployment" + change
                    + (blank(decision.reason()) ? "." : ": " + cut(decision.reason()))));
            case "REFUSED" -> Optional.of(new Review(State.REJECTED, "Passerelle refused this deployment" + change
                    + ": " + (blank(decision.reason()) ? "no reason was given" : cut(decision.reason()))));
            default -> Optional.empty();
        };
    }

    private static boolean blank(@Nullable String reason) {
        return reason == null || reason.isBlank();
    }

    private static String cut(@Nullable String reason) {
        var text = String.valueOf(reason).strip();
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON) + "…";
    }
}
