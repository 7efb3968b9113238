-- How a release reaches an environment after succeeding in the one before (ADR 0015): at once, after a soak time
-- without a new incident there, or when a release manager promotes it.
alter table environment
    add column promotion    text    not null default 'AUTOMATIC' check (promotion in ('AUTOMATIC', 'SOAK', 'MANUAL')),
    add column soak_seconds integer check (soak_seconds > 0),
    add constraint environment_soak_check check ((promotion = 'SOAK') = (soak_seconds is not null));

-- A deployment is a release going forward (DEPLOY) or the previous release put back (ROLLBACK of another
-- deployment). A release goes forward into an environment once; it may be put back there many times.
alter table deployment
    add column kind             text    not null default 'DEPLOY' check (kind in ('DEPLOY', 'ROLLBACK')),
    add column rollback_of      uuid    references deployment (id),
    add column rollback_reason  text,
    add column emergency        boolean not null default false,
    add constraint deployment_rollback_check
        check ((kind = 'ROLLBACK') = (rollback_of is not null and rollback_reason is not null));
-- a release is promoted into an environment once by its deploy target; its rollbacks are not promotions
drop index deployment_promoted_once;
create unique index deployment_promoted_once on deployment (release_id, environment)
    where executor = 'TARGET' and kind = 'DEPLOY';
-- one rollback of a deployment at a time: another may follow only once the last one failed or was cancelled
create unique index deployment_one_live_rollback on deployment (rollback_of)
    where kind = 'ROLLBACK' and state not in ('FAILED', 'CANCELLED');
-- the previous successful release of a service in an environment
create index deployment_succeeded_newest on deployment (service, environment, finished_at desc)
    where state = 'SUCCEEDED';

-- A promotion that waits: for its soak time to pass (due_at) or for a release manager (MANUAL). It is DONE once the
-- deployment is planned, STOPPED (with the reason) when an incident opened on the environment it soaks in.
create table promotion (
    release_id       uuid        not null references release (id),
    environment      text        not null,
    service          text        not null,
    from_environment text        not null,
    succeeded_at     timestamptz not null,
    mode             text        not null check (mode in ('SOAK', 'MANUAL')),
    due_at           timestamptz,
    state            text        not null check (state in ('WAITING', 'DONE', 'STOPPED')),
    reason           text,
    decided_by       text,
    decided_at       timestamptz,
    primary key (release_id, environment),
    foreign key (service, environment) references environment (service, name),
    check ((mode = 'SOAK') = (due_at is not null)),
    check ((state = 'STOPPED') = (reason is not null))
);
create index promotion_due on promotion (due_at) where state = 'WAITING' and mode = 'SOAK';
create index promotion_soaking on promotion (service, from_environment) where state = 'WAITING' and mode = 'SOAK';

-- What release-service knows of incidents (incident.opened.v1): enough to stop a soak.
create table incident_opened (
    incident_id uuid        primary key,
    service     text        not null,
    environment text        not null,
    title       text        not null,
    opened_at   timestamptz not null
);
create index incident_opened_where on incident_opened (service, environment, opened_at);
