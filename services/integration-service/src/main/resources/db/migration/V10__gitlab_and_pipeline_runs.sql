-- integration-service (issue 11, docs/decisions/0022-gitlab-and-any-ci-intake.md): GitLab intake and any CI by REST.

-- The GitLab project (full path, group/project) a service names beside its repository (service.registered.v1
-- gitlabProject); one service per project, whatever the case.
alter table cataloged_service add column gitlab_project text;
create unique index cataloged_service_gitlab_project on cataloged_service (lower(gitlab_project))
    where gitlab_project is not null;

-- Every authenticated GitLab hook, once, by its Idempotency-Key (GitLab sends the same key again when it retries a
-- hook): a retry answers as a duplicate and publishes nothing.
create table gitlab_delivery (
    idempotency_key text        primary key,
    event           text        not null,
    service         text        not null references cataloged_service (service),
    received_at     timestamptz not null
);

-- Every pipeline run reported by REST (POST /api/v1/pipeline-runs), once per client-supplied Idempotency-Key: the
-- SHA-256 of the request as read (the same key with another request is refused) and the answer given (the same key
-- with the same request gets it again, nothing published twice).
create table pipeline_run (
    idempotency_key text        primary key,
    request_sha256  text        not null,
    service         text        not null,
    run_id          text        not null,
    outcome         text        not null,
    reason          text,
    evidence        jsonb,
    reported_by     text        not null,
    received_at     timestamptz not null
);
