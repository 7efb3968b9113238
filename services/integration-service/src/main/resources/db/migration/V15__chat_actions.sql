-- integration-service (issue 11): approve, reject, confirm a suspect and roll back from chat
-- (docs/integrations/chatops-actions.md, docs/decisions/0026-chat-actions.md).

-- The Slack app whose interactivity requests come to /webhooks/slack/actions: its signing secret, sealed
-- (passerelle.secrets.key). One row: Passerelle serves one Slack app.
create table slack_app (
    id                     boolean     primary key default true check (id),
    signing_secret_sealed  text        not null,
    updated_at             timestamptz not null,
    updated_by             text        not null
);

-- The Slack requests received within the signature window, by signature: the same signature again is a replay.
create table slack_request (
    signature   text        primary key,
    received_at timestamptz not null
);
create index slack_request_received on slack_request (received_at);

-- The Slack actions accepted and not yet answered: performed as the linked realm user, the result posted to the
-- interaction's response_url (sealed: whoever holds it may post to the channel for 30 minutes). Claimed by the
-- chat-action worker (lease), retried while the answer could not be posted, deleted once answered or given up.
create table chat_action (
    id                  uuid        primary key,
    chat_user           text        not null,
    action              text        not null,
    subject_id          uuid        not null,
    deployment_id       uuid,
    response_url_sealed text        not null,
    received_at         timestamptz not null,
    attempts            int         not null default 0,
    next_attempt_at     timestamptz not null,
    result              text
);
create index chat_action_due on chat_action (next_attempt_at);
