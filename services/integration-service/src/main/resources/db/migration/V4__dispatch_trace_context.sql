-- The trace a dispatch was requested in (W3C trace context fields, as the platform's outbox keeps them): the deploy
-- call, made later by the dispatcher outside that request, continues it, so one deployment is one trace from the
-- pipeline to the target's callback.
alter table deployment_dispatch add column trace_context jsonb not null default '{}';

comment on column deployment_dispatch.trace_context is
    'W3C trace context (traceparent, tracestate) of the deployment.requested.v1 handling that recorded the dispatch';
