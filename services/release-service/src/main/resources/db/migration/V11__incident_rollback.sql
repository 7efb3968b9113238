-- What incidents may do to an environment's deployments (ADR 0020): the P1 rule (a P1 incident that starts within
-- this many seconds of a deployment finishing there proposes its rollback; null: no P1 rule) and whether a rollback an
-- incident proposes there has its emergency change authorized at once by this policy.
alter table environment
    add column rollback_p1_within_seconds integer check (rollback_p1_within_seconds between 1 and 86400),
    add column rollback_automatic         boolean not null default false;

-- A rollback an incident asked for names it, and says whether the environment's policy authorizes its change.
alter table deployment
    add column rollback_incident_id uuid,
    add column rollback_automatic   boolean not null default false,
    add constraint deployment_rollback_incident_check
        check (kind = 'ROLLBACK' or (rollback_incident_id is null and not rollback_automatic)),
    add constraint deployment_rollback_automatic_check
        check (not rollback_automatic or (rollback_incident_id is not null and emergency));

-- What release-service decided when an incident asked for the rollback of a deployment (its cause was confirmed, or a
-- P1 opened soon after it under the environment's policy): the rollback it planned, or why it declined. Once per
-- incident and deployment, whichever asked first.
create table incident_rollback (
    incident_id     uuid        not null,
    deployment_id   uuid        not null,
    service         text        not null,
    environment     text        not null,
    asked_by        text        not null check (asked_by in ('CAUSE_CONFIRMED', 'P1_POLICY')),
    rollback_id     uuid        references deployment (id),
    declined_reason text,
    decided_at      timestamptz not null,
    primary key (incident_id, deployment_id),
    check ((rollback_id is null) <> (declined_reason is null))
);
