-- deployment_dispatch becomes an outbox for outbound HTTP: the deployment.requested.v1 handler only records a
-- PENDING row (with the exact body to send); the dispatcher worker claims due rows with a lease, calls the target
-- outside any transaction, and records the outcome (and its event) in a second short transaction.
alter table deployment_dispatch rename column outcome to state;
alter table deployment_dispatch rename column decided_at to updated_at;
alter table deployment_dispatch drop constraint deployment_dispatch_outcome_check;
alter table deployment_dispatch
    add column body            text,
    add column requested_at    timestamptz,
    add column next_attempt_at timestamptz,
    add column lease_until     timestamptz;
update deployment_dispatch set requested_at = updated_at;
alter table deployment_dispatch
    alter column requested_at set not null,
    add constraint deployment_dispatch_state_check
        check (state in ('PENDING', 'IN_FLIGHT', 'DISPATCHED', 'FAILED')),
    -- a row still to send carries its body and its due time; an IN_FLIGHT row also its lease
    add constraint deployment_dispatch_sendable_check
        check (state not in ('PENDING', 'IN_FLIGHT') or (body is not null and next_attempt_at is not null)),
    add constraint deployment_dispatch_lease_check
        check (state <> 'IN_FLIGHT' or lease_until is not null);

comment on column deployment_dispatch.body is
    'the exact UTF-8 JSON body sent to the target (signed at each attempt, with the time of that attempt)';
comment on column deployment_dispatch.attempts is 'HTTP calls made so far (a call refused by an open circuit is not one)';
comment on column deployment_dispatch.reason is
    'FAILED: why; PENDING after a failed attempt: how the attempts failed so far';

-- the dispatcher's claim: due PENDING rows, and IN_FLIGHT rows whose lease expired (the claimer died mid-call)
create index deployment_dispatch_due on deployment_dispatch (next_attempt_at) where state = 'PENDING';
create index deployment_dispatch_leased on deployment_dispatch (lease_until) where state = 'IN_FLIGHT';
