-- Removes what suspects-seed.sql wrote (incident-service's schema on the search path).
delete from raised_change where change_id in (select change_id from deployment where service like 'bench-sus-%');
delete from deployment where service like 'bench-sus-%';
analyze deployment;
analyze raised_change;
