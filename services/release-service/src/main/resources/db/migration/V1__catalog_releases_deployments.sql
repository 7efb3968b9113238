-- release-service: the service catalog, releases and deployments (schema "release").

-- The catalog. The webhook secret is only ever stored sealed (AES-256-GCM, passerelle.secrets.key).
create table service (
    name                  text        primary key,
    repository            text        not null,
    default_branch        text        not null,
    webhook_secret_sealed text        not null,
    registered_at         timestamptz not null
);
-- GitHub compares owner/repo without case
create unique index service_repository_unique on service (lower(repository));

create table environment (
    service           text    not null references service (name),
    name              text    not null,
    promotion_order   integer not null check (promotion_order > 0),
    requires_approval boolean not null,
    target_type       text    not null check (target_type = 'webhook'),
    target_url        text    not null,
    primary key (service, name),
    unique (service, promotion_order)
);

-- One release per service and commit: a re-run or a matrix sibling on the same commit is the same release.
create table release (
    id           uuid        primary key,
    service      text        not null references service (name),
    version      text        not null,
    commit_sha   text        not null,
    run_url      text,
    requested_by text        not null,
    recorded_at  timestamptz not null,
    unique (service, commit_sha)
);
create index release_newest on release (recorded_at desc);

-- A release going to one environment. Approval rule and target are copied from the environment when planned.
create table deployment (
    id                uuid        primary key,
    release_id        uuid        not null references release (id),
    service           text        not null,
    environment       text        not null,
    version           text        not null,
    commit_sha        text        not null,
    requires_approval boolean     not null,
    target_type       text        not null,
    target_url        text        not null,
    requested_by      text        not null,
    run_url           text,
    state             text        not null
        check (state in ('PLANNED', 'REQUESTED', 'IN_PROGRESS', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    change_id         uuid,
    reason            text,
    planned_at        timestamptz not null,
    started_at        timestamptz,
    finished_at       timestamptz,
    foreign key (service, environment) references environment (service, name),
    -- a release is promoted into each environment once
    unique (release_id, environment)
);
create index deployment_newest on deployment (planned_at desc);
create index deployment_by_service on deployment (service, environment, planned_at desc);
