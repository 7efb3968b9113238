-- integration-service (issue 8): every executor type behind one SPI (docs/decisions/0014-deploy-edge.md, "The
-- executor SPI"). The dispatch keeps the deployment's whole deploy target as release-service copied it: its settings
-- and, for a vendor, its credential still sealed (unsealed in memory for one call only); what the vendor gave to
-- follow the deployment by; and, for executors that watch their target (Argo CD, Jenkins, AWX), when to look next.
-- A watched deployment is DISPATCHED until its outcome SETTLES it; looks are leased (lease_until) like calls.
alter table deployment_dispatch
    add column target_settings   jsonb not null default '{}',
    add column credential_sealed text,
    add column external_ref      text,
    add column next_check_at     timestamptz,
    add column checks            int not null default 0;

comment on column deployment_dispatch.body is
    'the deploy call as JSON (deployment, change, service, environment, version, commit, callback): a webhook target'
    ' receives exactly these bytes, signed at each attempt; vendors are called with its fields';
comment on column deployment_dispatch.credential_sealed is
    'the vendor credential (bearer token, API token) sealed with passerelle.secrets.key; null for a webhook';
comment on column deployment_dispatch.external_ref is
    'how the executor follows the deployment at the vendor (Argo CD revision, GitHub deployment id, Jenkins queue'
    ' item or build, AWX job)';
comment on column deployment_dispatch.next_check_at is 'DISPATCHED and watched: when the executor looks next';
comment on column deployment_dispatch.checks is 'looks taken at a watched deployment so far';

-- the watcher's claim: started deployments due for a look
create index deployment_dispatch_watch on deployment_dispatch (next_check_at) where state = 'DISPATCHED';
