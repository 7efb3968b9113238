-- Removes what dora-seed.sql wrote (release-service's schema on the search path).
delete from deployment where service like 'bench-dora-%';
delete from release where service like 'bench-dora-%';
delete from environment where service like 'bench-dora-%';
delete from service where name like 'bench-dora-%';
analyze release;
analyze deployment;
