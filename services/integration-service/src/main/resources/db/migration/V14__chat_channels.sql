-- integration-service (issue 11): ChatOps notifications to Slack and Mattermost (docs/integrations/chatops.md,
-- docs/decisions/0025-chatops-notifications.md).

-- The chat channels an operator registered (PUT /api/v1/chat-channels/{name}). The incoming-webhook URL is itself a
-- secret (whoever holds it posts into the channel): sealed with passerelle.secrets.key, never returned. Mattermost
-- channels carry an action token Passerelle generated at creation (sealed), put in every button's context and checked
-- when a click comes back (the chataction feature reads this table). service / environment null = every one.
create table chat_channel (
    name                text        primary key check (name ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    kind                text        not null check (kind in ('slack', 'mattermost')),
    webhook_url_sealed  text        not null,
    webhook_host        text        not null,
    action_token_sealed text,
    service             text,
    environment         text,
    updated_at          timestamptz not null,
    updated_by          text        not null
);

-- The chat outbox: one message per Passerelle event and channel, rendered from its template and written in the
-- transaction that handled the event (its id derived from the event's id and the channel, so a redelivered event adds
-- nothing). A worker posts it; until the webhook answers 2xx it comes back at next_attempt_at (retries with backoff);
-- once its attempts are spent or the webhook refused it for good it is dead (next_attempt_at and delivered_at null,
-- failed_reason set) until an operator replays it. Mattermost action tokens are not in the body: a placeholder stands
-- for the channel's token, put in at the moment of the call.
create table chat_message (
    id              uuid        primary key,
    channel         text        not null,
    notification    text        not null,
    event_id        text        not null,
    body            text        not null,
    created_at      timestamptz not null,
    attempts        int         not null default 0,
    next_attempt_at timestamptz,
    delivered_at    timestamptz,
    failed_reason   text
);
create index chat_message_due on chat_message (next_attempt_at) where delivered_at is null
    and next_attempt_at is not null;
create index chat_message_dead on chat_message (created_at) where delivered_at is null and next_attempt_at is null;
