-- integration-service (issue 11): Passerelle's events told to the toolchain as CDEvents (docs/integrations/cdevents.md,
-- docs/decisions/0023-cdevents-out.md).

-- The CDEvents outbox: each CDEvent, appended in the transaction of the Passerelle event that caused it, once per
-- destination: 'amqp' (the passerelle.cdevents exchange) and 'sink:<name>' for each HTTP sink the operator configured.
-- The id is derived from the Passerelle event's id and the CDEvents type, so an event appended again is not added
-- twice. A row is delivered once the broker confirmed it or the sink answered 2xx; until then it comes back at
-- next_attempt_at (retries with backoff); a sink that refuses it for good leaves it with failed_reason.
create table cdevent_outbox (
    id              uuid        not null,
    destination     text        not null,
    type            text        not null,
    source          text        not null,
    subject         text        not null,
    occurred_at     timestamptz not null,
    body            jsonb       not null,
    created_at      timestamptz not null,
    attempts        int         not null default 0,
    next_attempt_at timestamptz,
    delivered_at    timestamptz,
    failed_reason   text,
    primary key (id, destination)
);
create index cdevent_outbox_due on cdevent_outbox (destination, next_attempt_at) where delivered_at is null
    and next_attempt_at is not null;

-- The version last deployed (or restored by a rollback) per service and environment: the first deployment is
-- service.deployed, another version after it service.upgraded.
create table cdevent_deployed_version (
    service     text        not null,
    environment text        not null,
    version     text        not null,
    deployed_at timestamptz not null,
    primary key (service, environment)
);
