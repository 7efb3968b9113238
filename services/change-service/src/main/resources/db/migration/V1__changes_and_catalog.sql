-- change-service: change requests, their decisions and audit trail, and the projection of the catalog.

create table change_request (
    seq            bigserial   not null unique,
    id             uuid        primary key,
    type           text        not null check (type in ('STANDARD', 'NORMAL', 'EMERGENCY')),
    state          text        not null check (state in ('PENDING_APPROVAL', 'AUTHORIZED', 'REJECTED', 'CLOSED', 'FAILED')),
    service        text        not null,
    environment    text        not null,
    title          text        not null,
    description    text,
    requested_by   text        not null,
    -- one change per deployment
    deployment_id  uuid        unique,
    release_id     uuid,
    raised_at      timestamptz not null,
    authorized_at  timestamptz,
    authorized_by  text,
    closed_at      timestamptz,
    failure_reason text,
    -- optimistic locking: an update must name the version it read
    version        integer     not null
);
create index change_request_newest on change_request (raised_at desc, seq desc);
create index change_request_service on change_request (service, raised_at desc);

create table change_decision (
    change_id  uuid        not null references change_request (id),
    position   integer     not null,
    decided_by text        not null,
    verdict    text        not null check (verdict in ('APPROVED', 'REJECTED')),
    comment    text,
    decided_at timestamptz not null,
    primary key (change_id, position)
);

-- append-only: every transition of a change, who made it and when
create table change_audit (
    change_id uuid        not null references change_request (id),
    position  integer     not null,
    at        timestamptz not null,
    actor     text        not null,
    action    text        not null,
    state     text        not null,
    detail    text,
    primary key (change_id, position)
);

-- own projection of service.registered.v1: which environments a service has and which require approval
create table catalog_environment (
    service           text    not null,
    name              text    not null,
    requires_approval boolean not null,
    primary key (service, name)
);
