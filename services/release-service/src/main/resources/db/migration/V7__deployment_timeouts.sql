-- release-service (issue 8): a deployment that has had no outcome within its environment's timeout fails.

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
where state in ('REQUESTED', 'IN_PROGRESS');

-- The timeout worker's due query: underway deployments by deadline.
create index deployment_due on deployment (deadline) where state in ('REQUESTED', 'IN_PROGRESS');
