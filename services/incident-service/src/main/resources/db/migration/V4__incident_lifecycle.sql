-- The incident lifecycle (issue 9, ADR 0016): NEW → ACKNOWLEDGED → IN_PROGRESS ⇄ ON_HOLD → RESOLVED → CLOSED, and
-- RESOLVED back to IN_PROGRESS when reopened within the reopen period; acknowledgement (time to acknowledge),
-- assignment, the reason of a hold, closure; incidents monitoring could not attribute to a service.

alter table incident drop constraint incident_state_check;
alter table incident drop constraint incident_check;

-- An OPEN incident becomes NEW, not ACKNOWLEDGED: nobody ever acknowledged it (nothing recorded who or when), so
-- calling it acknowledged would invent an owner and a time to acknowledge; as NEW it is still open (its alert's
-- repeats join it, its resolution resolves it) and waits for someone on call to acknowledge it.
update incident set state = 'NEW' where state = 'OPEN';

alter table incident
    add constraint incident_state_check
        check (state in ('NEW', 'ACKNOWLEDGED', 'IN_PROGRESS', 'ON_HOLD', 'RESOLVED', 'CLOSED')),
    add column acknowledged_at  timestamptz,
    add column acknowledged_by  text,
    add column assignee         text check (length(assignee) between 1 and 100),
    add column assignment_group text check (length(assignment_group) between 1 and 100),
    add column hold_reason      text,
    add column closed_at        timestamptz,
    add column closed_by        text,
    add constraint incident_resolution_check check ((state in ('RESOLVED', 'CLOSED')) = (resolved_at is not null)),
    add constraint incident_closure_check check ((state = 'CLOSED') = (closed_at is not null)),
    add constraint incident_hold_check check ((state = 'ON_HOLD') = (hold_reason is not null)),
    add constraint incident_acknowledgement_check check ((acknowledged_at is null) = (acknowledged_by is null));

-- Unattributed incidents: an alert whose labels name no Passerelle service and environment has neither (never one
-- without the other); the service desk always names both.
alter table incident
    alter column service drop not null,
    alter column environment drop not null,
    add constraint incident_attribution_check check ((service is null) = (environment is null)),
    add constraint incident_unattributed_source_check check (service is not null or source = 'MONITORING');

-- alert deduplication: at most one open incident per alert fingerprint, whatever its open state
drop index incident_open_fingerprint;
create unique index incident_open_fingerprint on incident (fingerprint)
    where state in ('NEW', 'ACKNOWLEDGED', 'IN_PROGRESS', 'ON_HOLD');
-- resolved incidents close by themselves when their reopen period is over (earliest resolution first)
create index incident_resolved on incident (resolved_at) where state = 'RESOLVED';
-- lists page most recently opened first, ties by id
drop index incident_by_opened;
create index incident_by_opened on incident (opened_at desc, id);
