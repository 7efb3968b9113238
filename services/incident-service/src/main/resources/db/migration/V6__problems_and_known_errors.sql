-- Problems (the causes behind incidents), the incidents linked to them, and the known errors suggested to each
-- incident when it opened (ADR 0019).
create table problem (
    id                uuid        primary key,
    title             text        not null,
    description       text,
    service           text,
    state             text        not null
                      check (state in ('NEW', 'UNDER_INVESTIGATION', 'KNOWN_ERROR', 'RESOLVED', 'CLOSED')),
    root_cause        text,
    workaround        text,
    -- what a known error matches: all that is named, at least one thing
    match_service     text,
    match_alert_name  text,
    match_labels      jsonb,
    fix_change_id     uuid,  -- a change request of change-service; not checked (ADR 0019)
    duplicate_of      uuid        references problem (id),
    raised_by         text        not null,
    raised_at         timestamptz not null,
    investigated_by   text,
    investigated_at   timestamptz,
    known_error_by    text,
    known_error_at    timestamptz,
    resolved_by       text,
    resolved_at       timestamptz,
    closed_by         text,
    closed_at         timestamptz,
    version           integer     not null default 1,
    check (duplicate_of is null or duplicate_of <> id),
    -- a known error has a root cause or a workaround, and a match
    check (known_error_at is null or (root_cause is not null or workaround is not null)),
    check ((known_error_at is null) = (match_labels is null)),
    check (state <> 'KNOWN_ERROR' or known_error_at is not null),
    -- a resolved problem has its root cause
    check (resolved_at is null or root_cause is not null),
    -- resolved, or closed once resolved; only a duplicate closes without being resolved
    check (resolved_at is not null or state not in ('RESOLVED', 'CLOSED') or duplicate_of is not null),
    check (duplicate_of is null or state = 'CLOSED'),
    check ((state = 'CLOSED') = (closed_at is not null))
);
create index problem_by_raised on problem (raised_at desc, id);
create index problem_by_service on problem (service, raised_at desc);
-- the known error database, read whenever an incident opens
create index problem_known_errors on problem (known_error_at desc) where state = 'KNOWN_ERROR';

create table problem_incident (
    problem_id  uuid        not null references problem (id),
    incident_id uuid        not null references incident (id),
    linked_at   timestamptz not null,
    linked_by   text        not null,
    primary key (problem_id, incident_id)
);
create index problem_incident_by_incident on problem_incident (incident_id, linked_at desc);

-- the known errors an incident matched when it opened, as they read then, most specific first
create table incident_known_error (
    incident_id uuid    not null references incident (id),
    position    integer not null check (position >= 1),
    problem_id  uuid    not null references problem (id),
    title       text    not null,
    workaround  text,
    primary key (incident_id, position),
    unique (incident_id, problem_id)
);
