-- A dispatch is SETTLED once release-service reports the deployment's outcome (deployment.succeeded.v1 /
-- deployment.failed.v1): nothing more is sent for it, even when an IN_FLIGHT claim's lease expires later (the
-- instance died between the target's answer and recording it). Attempts are now counted when a call starts.
alter table deployment_dispatch
    drop constraint deployment_dispatch_state_check,
    add column outcome text,
    add constraint deployment_dispatch_state_check
        check (state in ('PENDING', 'IN_FLIGHT', 'DISPATCHED', 'FAILED', 'SETTLED')),
    add constraint deployment_dispatch_outcome_check
        check ((state = 'SETTLED') = (outcome is not null) and (outcome is null or outcome in ('SUCCEEDED', 'FAILED')));

comment on column deployment_dispatch.outcome is
    'SETTLED: the deployment''s outcome as release-service reported it (SUCCEEDED or FAILED)';
comment on column deployment_dispatch.attempts is
    'HTTP calls started so far, counted just before each call (a call whose answer was lost counts; a call refused'
    ' by an open circuit or by the outbound guard is not one)';
