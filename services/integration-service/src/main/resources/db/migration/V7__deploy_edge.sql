-- integration-service (issue 8): the executor receives the target's outcome itself (docs/decisions/0014-deploy-edge.md).
alter table deployment_dispatch
    -- which executor carries it out (the environment's deploy target type)
    add column executor            text not null default 'webhook',
    -- after it, no outcome is taken (release-service fails the deployment on timeout); null: requested before
    add column deadline            timestamptz,
    -- the callback delivery that reported the outcome: the same delivery again is a replay
    add column outcome_delivery_id uuid;

comment on column deployment_dispatch.reason is
    'FAILED: why it could not be sent; PENDING after a failed attempt: how the attempts failed so far; SETTLED with'
    ' outcome FAILED: the reason reported (by the target, or release-service''s, e.g. a timeout)';
