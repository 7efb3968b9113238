-- The ITIL 4 change lifecycle (issue 7): NEW → ASSESSMENT → PENDING_APPROVAL → SCHEDULED → IMPLEMENTING → REVIEW →
-- CLOSED, plus REJECTED and CANCELLED; a change whose implementation ended records its outcome, and one that did not
-- succeed asks for a post-implementation review, which closes it.
alter table change_request drop constraint change_request_state_check;

alter table change_request
    add column implementation_started_at timestamptz,
    add column implementation_ended_at   timestamptz,
    add column outcome                   text check (outcome in ('SUCCESSFUL', 'FAILED', 'BACKED_OUT')),
    add column reviewed_by               text,
    add column reviewed_at               timestamptz,
    add column review                    text;

-- Existing changes, in the new terms. An authorized change is scheduled. Until now closed_at was when the deployment
-- ended: a closed change succeeded then; a failed one now waits for its review instead of being over.
update change_request set state = 'SCHEDULED' where state = 'AUTHORIZED';
update change_request set outcome = 'SUCCESSFUL', implementation_ended_at = closed_at where state = 'CLOSED';
update change_request set state = 'REVIEW', outcome = 'FAILED', implementation_ended_at = closed_at, closed_at = null
    where state = 'FAILED';

alter table change_request add constraint change_request_state_check check (state in
    ('NEW', 'ASSESSMENT', 'PENDING_APPROVAL', 'SCHEDULED', 'IMPLEMENTING', 'REVIEW', 'CLOSED', 'REJECTED', 'CANCELLED'));
alter table change_request add constraint change_request_outcome_when_ended check
    ((implementation_ended_at is null) = (outcome is null));
alter table change_request add constraint change_request_reviewed_in_full check
    ((reviewed_by is null) = (review is null) and (review is null) = (reviewed_at is null));

-- The audit trail is append-only (V2) and keeps the words of its time: entries written before this migration name
-- AUTHORIZED (now SCHEDULED) and FAILED (now REVIEW) as states; the service reads them in the new terms.
