-- GitHub environments' custom deployment protection rules (docs/github-protection-rules.md, ADR 0011).

-- The catalog projection keeps the names of each service's environments (service.registered.v1 carries them): a
-- protection rule is accepted only for an environment its service has. Services catalogued before this migration
-- know none until they are registered again.
alter table cataloged_service add column environments text[] not null default '{}';

comment on column cataloged_service.environments is
    'names of the service''s environments, from service.registered.v1 (empty: catalogued before V5)';

-- One row per deployment_protection_rule delivery accepted: the gate Passerelle opened for it (gate.requested.v1),
-- and, once the gate is decided for good, the review to send to GitHub (approved / rejected) — an outbox for that
-- one HTTP call, claimed with a lease like deployment_dispatch: AWAITING_DECISION → PENDING (review due) →
-- IN_FLIGHT (leased) → ANSWERED | FAILED, or back to PENDING for another attempt.
create table protection_request (
    gate_id          uuid        primary key,
    delivery_id      text        not null unique references github_delivery (delivery_id),
    repository       text        not null,
    service          text        not null references cataloged_service (service),
    environment      text        not null,
    environment_name text        not null,
    commit_sha       text        not null,
    run_id           bigint      not null,
    callback_url     text        not null,
    installation_id  bigint      not null,
    actor            text        not null,
    requested_at     timestamptz not null,
    state            text        not null check (state in ('AWAITING_DECISION', 'PENDING', 'IN_FLIGHT', 'ANSWERED', 'FAILED')),
    review_state     text        check (review_state in ('approved', 'rejected')),
    comment          text,
    decided_at       timestamptz,
    attempts         int         not null default 0,
    reason           text,
    next_attempt_at  timestamptz,
    lease_until      timestamptz,
    updated_at       timestamptz not null,
    trace_context    jsonb       not null default '{}',
    -- a decided request carries its review; one still to send, its due time; an IN_FLIGHT one, its lease
    constraint protection_request_review_check
        check (state = 'AWAITING_DECISION' or (review_state is not null and comment is not null and decided_at is not null)),
    constraint protection_request_sendable_check check (state <> 'PENDING' or next_attempt_at is not null),
    constraint protection_request_lease_check check (state <> 'IN_FLIGHT' or lease_until is not null)
);

comment on column protection_request.environment is 'the environment as Passerelle names it (gate.requested.v1)';
comment on column protection_request.environment_name is
    'the environment as GitHub named it in the delivery: the review''s environment_name';
comment on column protection_request.callback_url is
    'deployment_callback_url, checked at intake to be under passerelle.github.api-url for this repository';
comment on column protection_request.attempts is
    'HTTP attempts at the review started so far (installation token and callback), counted just before each';
comment on column protection_request.reason is
    'FAILED: why; PENDING after a failed attempt: how the attempts failed so far';
comment on column protection_request.trace_context is
    'W3C trace context of the gate.decided.v1 handling that queued the review (the call continues it)';

create index protection_request_due on protection_request (next_attempt_at) where state = 'PENDING';
create index protection_request_leased on protection_request (lease_until) where state = 'IN_FLIGHT';
