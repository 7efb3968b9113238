-- Run once by the postgres container (docker-compose) at first start; infra/bin/stack does the same on the host.
-- One database, one role per service; each service's Flyway creates and owns its schema.
create database passerelle;
\connect passerelle
create role passerelle_change login password 'passerelle_change';
create role passerelle_incident login password 'passerelle_incident';
create role passerelle_release login password 'passerelle_release';
create role passerelle_integration login password 'passerelle_integration';
grant create on database passerelle to passerelle_change, passerelle_incident, passerelle_release, passerelle_integration;
