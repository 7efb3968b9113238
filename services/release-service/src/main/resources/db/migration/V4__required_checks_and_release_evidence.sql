-- Releases from many pipelines (issue 8, docs/decisions/0012-required-checks.md): the checks an environment requires,
-- the latest result of each check on a commit, what a release waits for, and the evidence it carries.

-- Names of the checks (workflow names) that must be green on a commit before a release goes into the environment.
alter table environment add column required_checks text[] not null default '{}';

-- The latest result of each check (by name) on a service's commit: a later attempt of the same run, or a later run of
-- the same check, replaces it; an older one arriving late does not. Kept whether or not the commit has a release yet.
create table commit_check (
    service      text        not null references service (name),
    commit_sha   text        not null,
    name         text        not null,
    run_id       text        not null,
    run_number   bigint,
    run_attempt  integer,
    conclusion   text        not null,
    run_url      text,
    finished_at  timestamptz not null,
    recorded_at  timestamptz not null,
    primary key (service, commit_sha, name)
);

-- Evidence: when the head commit was made (lead time for changes reads it) and the commits the pipeline named.
alter table release
    add column head_commit_at timestamptz,
    -- the environment the release goes into next once its required checks are green, while it waits for them
    add column awaiting_environment text,
    add column hold text check (hold in ('WAITING', 'STOPPED')),
    add column hold_reason text,
    add constraint release_hold_while_awaiting check ((awaiting_environment is null) = (hold is null)),
    add constraint release_hold_has_reason check ((hold is null) = (hold_reason is null));

create table release_commit (
    release_id   uuid        not null references release (id),
    position     integer     not null check (position >= 0),
    sha          text        not null,
    message      text,
    committed_at timestamptz,
    primary key (release_id, position)
);
