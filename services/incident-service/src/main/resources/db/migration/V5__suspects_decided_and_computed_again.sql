-- Suspects a human decides, computed again when a deployment is reported late (issue 9, ADR 0004 and 0018).

-- When a deployment began (the deployment events' optional startedAt): a deployment under way when an incident started
-- is one of its candidates. Unknown for the deployments projected before (they began, as far as we know, at their end).
alter table deployment add column started_at timestamptz;

-- The incidents a deployment reported late may concern: those of its service and environment that started from its
-- beginning to its end plus the window.
create index incident_by_target on incident (service, environment, started_at);

-- What people decided about a suspect: confirmed as a cause of the incident, or dismissed; by whom, when and why.
alter table suspect
    add column decision        text check (decision in ('CONFIRMED', 'DISMISSED')),
    add column decided_by      text,
    add column decided_at      timestamptz,
    add column decision_reason text,
    add constraint suspect_decision_complete check (
        (decision is null and decided_by is null and decided_at is null and decision_reason is null)
        or (decision is not null and decided_by is not null and decided_at is not null and decision_reason is not null));

-- The projection of change.raised.v1: a deployment whose change was NORMAL with a high risk ranks higher.
create table raised_change (
    change_id   uuid        primary key,
    type        text        not null check (type in ('STANDARD', 'NORMAL', 'EMERGENCY')),
    risk_score  integer     check (risk_score between 0 and 100),
    recorded_at timestamptz not null default now()
);
