package io.passerelle.changeservice.change;

/**
 * The ITIL 4 change lifecycle. A change is raised {@code NEW}, assessed ({@code ASSESSMENT}), then waits for approval
 * ({@code PENDING_APPROVAL}) or, as a standard change, is authorized at once. An authorized change is
 * {@code SCHEDULED} until its implementation starts ({@code IMPLEMENTING}). An implementation that succeeds closes it
 * ({@code CLOSED}, outcome SUCCESSFUL); one that fails or is backed out asks for a post-implementation review
 * ({@code REVIEW}), which a change manager writes to close it. A change waiting for approval may be {@code REJECTED};
 * one not yet implementing may be {@code CANCELLED}.
 */
public enum ChangeState {
    NEW, ASSESSMENT, PENDING_APPROVAL, SCHEDULED, IMPLEMENTING, REVIEW, CLOSED, REJECTED, CANCELLED
}
