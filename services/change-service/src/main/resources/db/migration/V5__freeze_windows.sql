-- Freeze (blackout) windows (issue 7): when changes to which services and environments must wait. The first occurrence
-- runs from start_local to end_local, wall-clock times in time_zone (IANA); an RFC 5545 RRULE in recurrence repeats
-- it. Empty services or environments: every one. A window is never deleted nor redefined: ending it early records who
-- and when, once; the database refuses anything else.
create table freeze_window (
    seq          bigserial   not null unique,
    id           uuid        primary key,
    name         text        not null check (length(name) between 1 and 200),
    reason       text        not null check (length(reason) between 1 and 2000),
    start_local  timestamp   not null,
    end_local    timestamp   not null,
    time_zone    text        not null check (length(time_zone) between 1 and 64),
    recurrence   text        check (length(recurrence) between 1 and 500),
    services     text[]      not null default '{}' check (cardinality(services) <= 100),
    environments text[]      not null default '{}' check (cardinality(environments) <= 100),
    declared_by  text        not null,
    declared_at  timestamptz not null,
    ended_by     text,
    ended_at     timestamptz,
    -- optimistic locking: an update must name the version it read
    version      integer     not null,
    check (end_local > start_local),
    check ((ended_by is null) = (ended_at is null))
);
create index freeze_window_newest on freeze_window (declared_at desc, seq desc);
create index freeze_window_not_ended on freeze_window (declared_at) where ended_at is null;

create function refuse_rewriting_freeze_windows() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'UPDATE' then
        if old.ended_at is null and new.ended_at is not null
            and (new.id, new.name, new.reason, new.start_local, new.end_local, new.time_zone, new.recurrence,
                 new.services, new.environments, new.declared_by, new.declared_at)
                is not distinct from
                (old.id, old.name, old.reason, old.start_local, old.end_local, old.time_zone, old.recurrence,
                 old.services, old.environments, old.declared_by, old.declared_at) then
            return new;
        end if;
    end if;
    raise exception 'freeze_window: % refused', lower(tg_op)
        using errcode = 'restrict_violation',
              hint = 'a freeze window is never deleted nor redefined: it can only be ended, once';
end
$$;

create trigger freeze_window_only_ended before update or delete on freeze_window
    for each row execute function refuse_rewriting_freeze_windows();
create trigger freeze_window_never_truncated before truncate on freeze_window
    for each statement execute function refuse_rewriting_freeze_windows();
