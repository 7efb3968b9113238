-- The incidents confirmed to be caused by a deployment (issue 9, incident.cause-confirmed.v1), and when each incident
-- was resolved (incident.resolved.v1, the latest resolution when it is resolved again): the DORA figures count such a
-- deployment as a change failure, recovered when the last of its incidents is resolved (ADR 0013). The two tables
-- converge whichever event arrives first.
create table incident_cause (
    incident_id   uuid        not null,
    deployment_id uuid        not null,
    confirmed_at  timestamptz not null,
    primary key (incident_id, deployment_id)
);
-- the causes of the deployments a DORA query reads
create index incident_cause_by_deployment on incident_cause (deployment_id);

create table incident_resolution (
    incident_id uuid        primary key,
    resolved_at timestamptz not null
);
