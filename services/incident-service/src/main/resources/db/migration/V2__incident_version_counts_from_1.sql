-- An incident's version counts from 1 once stored, so that 0 means "not stored yet" to the one save path
-- (JdbcIncidents.save inserts a version-0 incident and updates any other, as change-service does).
alter table incident alter column version set default 1;
update incident set version = version + 1;
