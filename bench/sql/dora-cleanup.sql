-- Removes what dora-seed.sql wrote (release-service's schema on the search path).
-- Each delete checks deployment.rollback_of through its index (V9): without it, each of the 1 000 000 deletes would
-- scan the whole table.
delete from deployment where service like 'bench-dora-%';
delete from release where service like 'bench-dora-%';
delete from environment where service like 'bench-dora-%';
delete from service where name like 'bench-dora-%';
analyze release;
analyze deployment;
