-- The trace context (W3C traceparent / tracestate) of the transaction that wrote the event, restored by the relay
-- so that publishing and consuming the event continue the same trace. Rows written before this migration have none.
alter table outbox_event add column trace_context jsonb not null default '{}';
