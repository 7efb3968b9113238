-- release-service (issue 8): deployment timeouts, and no REQUESTED state (docs/decisions/0014-deploy-edge.md).

-- An authorized deployment is IN_PROGRESS at once: REQUESTED only mirrored integration-service's dispatch, whose
-- report (deployment.dispatched.v1) is gone. Rows still REQUESTED started when they were planned, as far as we know.
update deployment set state = 'IN_PROGRESS', started_at = coalesce(started_at, planned_at) where state = 'REQUESTED';
alter table deployment drop constraint deployment_state_check;
alter table deployment add constraint deployment_state_check
    check (state in ('PLANNED', 'IN_PROGRESS', 'SUCCEEDED', 'FAILED', 'CANCELLED'));

-- Each environment says how long an authorized deployment may go without an outcome (default 30 minutes).
alter table environment
    add column deployment_timeout_seconds integer not null default 1800
        check (deployment_timeout_seconds between 5 and 86400);

-- Copied onto the deployment when it is planned (like the approval rule); the deadline is set when it is authorized.
alter table deployment
    add column deployment_timeout_seconds integer not null default 1800,
    add column deadline timestamptz;

-- Deployments already underway get their deadline from now on (they had none).
update deployment set deadline = now() + make_interval(secs => deployment_timeout_seconds)
where state = 'IN_PROGRESS';

-- The timeout worker's due query: underway deployments by deadline.
create index deployment_due on deployment (deadline) where state = 'IN_PROGRESS';
