-- integration-service (issue 11, docs/decisions/0024-cdevents-in.md): CDEvents in (POST /webhooks/cdevents).

-- The tools allowed to send CDEvents, each with its bearer token sealed with passerelle.secrets.key (AES-256-GCM,
-- never in clear; unsealed in memory to compare, never returned).
create table cdevent_sender (
    name         text        primary key,
    token_sealed text        not null,
    updated_at   timestamptz not null,
    updated_by   text        not null
);

-- Every accepted CDEvent, once, by its CloudEvents source + id (the spec's uniqueness): the same again answers
-- as a duplicate and publishes nothing.
create table cdevent_received (
    source      text        not null,
    id          text        not null,
    type        text        not null,
    sender      text        not null,
    received_at timestamptz not null,
    primary key (source, id)
);
