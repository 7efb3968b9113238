-- release-service: gates for pipelines that deploy by themselves (docs/decisions/0010-pipeline-gates.md).

-- Who carries a deployment out: the environment's deploy target (as before), or the pipeline behind a gate, which has
-- no target and is never sent anywhere.
alter table deployment add column executor text not null default 'TARGET'
    check (executor in ('TARGET', 'PIPELINE'));
alter table deployment alter column executor drop default;
alter table deployment alter column target_type drop not null;
alter table deployment alter column target_url drop not null;
alter table deployment add constraint deployment_target_when_target_executes
    check ((executor = 'TARGET') = (target_type is not null and target_url is not null));

-- Promotion plans a release into each environment once; a pipeline may open gates for the same commit and
-- environment again (a re-run after a refusal or a failure), each its own deployment behind its own change.
alter table deployment drop constraint deployment_release_id_environment_key;
create unique index deployment_promoted_once on deployment (release_id, environment) where executor = 'TARGET';

-- A gate: a pipeline's deployment (what, where, by whom, in which run: the deployment row), the client that opened
-- it, what the pipeline showed for itself, where the decision is posted, and the decision.
create table gate (
    id                     uuid        primary key,
    deployment_id          uuid        not null unique references deployment (id),
    opened_by              text        not null,
    test_report_url        text,
    artifact_digest        text,
    callback_url           text,
    -- the callback's signing key, only sealed (AES-256-GCM, passerelle.secrets.key); answered once, at creation
    callback_secret_sealed text,
    decision               text        not null check (decision in ('PENDING', 'ALLOWED', 'REFUSED')),
    reason                 text,
    decided_at             timestamptz,
    opened_at              timestamptz not null,
    check ((callback_url is null) = (callback_secret_sealed is null)),
    check ((decision = 'PENDING') = (decided_at is null))
);
create index gate_by_opener on gate (opened_by, opened_at desc);

-- Decisions to post to gates' callback URLs: a row per decision, sent by the callback worker with bounded retries.
-- The body is fixed when the decision is made and sent unchanged at every attempt (signed anew each time).
create table gate_callback (
    id              uuid        primary key,
    gate_id         uuid        not null references gate (id),
    body            text        not null,
    state           text        not null check (state in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        integer     not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz not null,
    last_error      text,
    created_at      timestamptz not null,
    finished_at     timestamptz
);
create index gate_callback_due on gate_callback (next_attempt_at) where state = 'PENDING';
