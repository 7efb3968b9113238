-- Shared by every Passerelle service, in that service's own schema.

-- Transactional outbox: written in the same transaction as the state change, relayed with publisher confirms.
create table outbox_event (
    seq          bigserial primary key,
    id           uuid        not null unique,
    type         text        not null,
    subject      text        not null,
    payload      jsonb       not null,
    created_at   timestamptz not null,
    published_at timestamptz
);
create index outbox_event_pending on outbox_event (seq) where published_at is null;

-- Idempotent consumers: one row per (consumer, CloudEvent id), inserted in the handler's transaction.
create table processed_message (
    consumer     text        not null,
    message_id   text        not null,
    event_type   text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, message_id)
);
