-- incident-service (issue 11, docs/decisions/0024-cdevents-in.md): deployments another tool made outside Passerelle's
-- change control (deployment.observed.v1) are candidates of attribution too: made_by names the tool (null for
-- Passerelle's own), and their commit may be unknown.
alter table deployment alter column commit_sha drop not null;
alter table deployment add column made_by text;
alter table deployment add constraint deployment_commit_known_unless_made_outside
    check (commit_sha is not null or made_by is not null);

alter table suspect alter column commit_sha drop not null;
alter table suspect add column made_by text;
