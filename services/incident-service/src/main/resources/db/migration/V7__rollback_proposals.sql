-- The rollbacks proposed for an incident, as release-service and change-service told them (ADR 0020): the deployment
-- the incident asked to undo, the rollback deployment planned (none when declined), its EMERGENCY change, where it
-- stands. One per incident and undone deployment, as release-service decides once per pair. Each step is also a line
-- of the incident's timeline (timeline_entry, kinds CHANGE and DEPLOYMENT).
create table rollback_proposal (
    incident_id          uuid        not null references incident (id),
    undone_deployment_id uuid        not null,
    deployment_id        uuid        unique,
    environment          text        not null,
    restored_version     text,
    change_id            uuid,
    state                text        not null check (state in ('PLANNED', 'AWAITING_APPROVAL', 'AUTHORIZED',
                                                               'ROLLED_BACK', 'FAILED', 'REJECTED', 'DECLINED')),
    automatic            boolean     not null,
    declined_reason      text,
    proposed_at          timestamptz not null,
    updated_at           timestamptz not null,
    primary key (incident_id, undone_deployment_id),
    check ((state = 'DECLINED') = (deployment_id is null)),
    check ((state = 'DECLINED') = (declined_reason is not null))
);

-- Events arrive in any order (several consumers, redeliveries). The deployments release-service planned, as heard here
-- (deployment.planned.v1), tell a step about a deployment that is no incident's rollback (ignored) from one told
-- before its plan (held)...
create table planned_deployment (
    deployment_id uuid primary key
);

-- ... and a step told before the plan, or before the step it follows, waits here until that one comes; then it is
-- taken and deleted. A deployment planned as no incident's rollback drops what waits for it.
create table rollback_step_held (
    deployment_id uuid        not null,
    step          text        not null check (step in ('CHANGE_RAISED', 'CHANGE_AUTHORIZED', 'CHANGE_REJECTED',
                                                       'ROLLED_BACK', 'FAILED')),
    change_id     uuid,
    change_type   text,
    at_once       boolean,
    actor         text,
    reason        text,
    version       text,
    at            timestamptz not null,
    primary key (deployment_id, step)
);
