-- integration-service (issue 9): Grafana's alert intake (docs/decisions/0017-alert-intake.md).

-- How a monitoring source signs its notifications (only Grafana does): the HMAC secret sealed with
-- passerelle.secrets.key (AES-256-GCM, never in clear; unsealed in memory for one check), the header that carries the
-- signature and, when the contact point sets one, the header with the Unix time that the signature covers too.
create table alert_source (
    source           text        primary key check (source in ('grafana')),
    secret_sealed    text        not null,
    signature_header text        not null,
    timestamp_header text,
    updated_at       timestamptz not null,
    updated_by       text        not null
);

-- Grafana notifications that published something, by the SHA-256 of their exact body: the same bytes again within
-- passerelle.alerts.window (a copy a Grafana peer sent too, a notification sent again after a lost answer) publish
-- nothing; the same signature again is a replay. Rows older than the window are forgotten.
create table alert_notification (
    source      text        not null,
    body_sha256 text        not null,
    signature   text,
    received_at timestamptz not null,
    primary key (source, body_sha256)
);
create index alert_notification_received_at on alert_notification (received_at);
