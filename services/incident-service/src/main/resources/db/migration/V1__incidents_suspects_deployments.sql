-- incident-service: its own projection of finished deployments, and incidents with the suspects computed when
-- they opened.

create table deployment (
    deployment_id uuid        primary key,
    service       text        not null,
    environment   text        not null,
    version       text        not null,
    commit_sha    text        not null,
    change_id     uuid,
    outcome       text        not null check (outcome in ('SUCCEEDED', 'FAILED')),
    finished_at   timestamptz not null,
    recorded_at   timestamptz not null default now()
);
create index deployment_by_target on deployment (service, environment, finished_at desc);

create table incident (
    id           uuid        primary key,
    service      text        not null,
    environment  text        not null,
    title        text        not null,
    description  text,
    source       text        not null check (source in ('MONITORING', 'SERVICE_DESK')),
    impact       text        not null check (impact in ('HIGH', 'MEDIUM', 'LOW')),
    urgency      text        not null check (urgency in ('HIGH', 'MEDIUM', 'LOW')),
    priority     text        not null check (priority in ('P1', 'P2', 'P3', 'P4', 'P5')),
    state        text        not null check (state in ('OPEN', 'RESOLVED')),
    fingerprint  text,
    alert_name   text,
    occurrences  integer     not null check (occurrences >= 1),
    last_seen_at timestamptz,
    started_at   timestamptz not null,
    opened_at    timestamptz not null,
    reported_by  text        not null,
    resolved_at  timestamptz,
    resolved_by  text,
    version      integer     not null default 0,
    check ((state = 'RESOLVED') = (resolved_at is not null))
);
-- alert deduplication: at most one OPEN incident per alert fingerprint (a concurrent duplicate fails and retries)
create unique index incident_open_fingerprint on incident (fingerprint) where state = 'OPEN';
-- a late notification of a firing already resolved (same fingerprint and start) opens nothing
create index incident_by_fingerprint on incident (fingerprint, started_at) where fingerprint is not null;
create index incident_by_service on incident (service, opened_at desc);
create index incident_by_opened on incident (opened_at desc);

create table suspect (
    incident_id   uuid         not null references incident (id),
    rank          integer      not null check (rank >= 1),
    deployment_id uuid         not null,
    version       text         not null,
    commit_sha    text         not null,
    change_id     uuid,
    outcome       text         not null check (outcome in ('SUCCEEDED', 'FAILED')),
    finished_at   timestamptz  not null,
    score         numeric(4,3) not null check (score between 0 and 1),
    reason        text         not null,
    primary key (incident_id, rank),
    unique (incident_id, deployment_id)
);
