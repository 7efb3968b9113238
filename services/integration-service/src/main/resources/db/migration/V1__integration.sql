-- integration-service owns the schema "integration".

-- Own projection of service.registered.v1: what the webhooks and the executor need, nothing more.
-- The webhook secret stays sealed (AES-256-GCM, passerelle.secrets.key); it is unsealed in memory only to
-- verify an inbound signature or to sign an outbound call.
create table cataloged_service (
    service               text        primary key,
    repository            text        not null,
    default_branch        text        not null,
    webhook_secret_sealed text        not null,
    registered_at         timestamptz not null
);
-- GitHub names repositories case-insensitively: one service per repository, whatever the case.
create unique index cataloged_service_repository on cataloged_service (lower(repository));

-- Every verified GitHub delivery, once: a replayed X-GitHub-Delivery is refused.
create table github_delivery (
    delivery_id text        primary key,
    event       text        not null,
    service     text        not null references cataloged_service (service),
    received_at timestamptz not null
);

-- The outcome of each deployment.requested.v1 sent to a deploy target (audit, and no second POST once dispatched).
create table deployment_dispatch (
    deployment_id uuid        primary key,
    service       text        not null,
    environment   text        not null,
    target_url    text        not null,
    outcome       text        not null check (outcome in ('DISPATCHED', 'FAILED')),
    attempts      int         not null,
    reason        text,
    decided_at    timestamptz not null
);
