-- Deleting or re-keying a deployment makes PostgreSQL check that no rollback refers to it (deployment.rollback_of,
-- V6); the only index on that column was partial (live rollbacks), so each check scanned the whole table. This one
-- serves the foreign key and "the rollbacks of a deployment".
create index deployment_rollback_of on deployment (rollback_of) where rollback_of is not null;
