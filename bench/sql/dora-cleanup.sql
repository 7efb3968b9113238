-- Removes what dora-seed.sql wrote (release-service's schema on the search path).
-- Deleting a deployment makes PostgreSQL check that no rollback refers to it (deployment.rollback_of, V6), and no
-- index serves that check (the only index on the column is partial: live rollbacks); without one, each of the
-- 1 000 000 deletes scans the whole table (hours). An index for the check is built for the cleanup and dropped after,
-- until release-service's own migrations index the column.
create index if not exists bench_dora_rollback_of on deployment (rollback_of) where rollback_of is not null;
delete from deployment where service like 'bench-dora-%';
delete from release where service like 'bench-dora-%';
delete from environment where service like 'bench-dora-%';
delete from service where name like 'bench-dora-%';
drop index bench_dora_rollback_of;
analyze release;
analyze deployment;
