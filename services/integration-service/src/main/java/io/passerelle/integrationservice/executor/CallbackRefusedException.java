package io.passerelle.integrationservice.executor;

/**
 * A deployment callback refused; nothing was written. Before anything is read: {@link Kind#UNSIGNED} (headers missing
 * or unreadable), {@link Kind#FORGED} (not signed with this deployment's credential — another deployment's included),
 * {@link Kind#STALE} (a timestamp outside the window: a replay, or a clock far off). Once the dispatch is read:
 * {@link Kind#REPLAYED} (the delivery that already reported the outcome), {@link Kind#OTHER_OUTCOME} (another outcome
 * is known), {@link Kind#TIMED_OUT} (at or after the deployment's deadline), {@link Kind#OTHER_EXECUTOR} (a vendor's
 * notification of a deployment another executor carries out). Vendors' notifications are refused the same way.
 */
public final class CallbackRefusedException extends RuntimeException {

    public enum Kind { UNSIGNED, FORGED, STALE, REPLAYED, OTHER_OUTCOME, TIMED_OUT, OTHER_EXECUTOR }

    private final Kind kind;

    public CallbackRefusedException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
