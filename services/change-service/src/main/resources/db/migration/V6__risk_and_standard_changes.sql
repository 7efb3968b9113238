-- Live risk and standard-change templates (issue 7, ADR 0009).

-- How critical an environment is and, optionally, its business hours (all four columns set, or none).
-- An environment without a row is MEDIUM and has no business hours.
create table environment_profile (
    environment   text        primary key,
    criticality   text        not null check (criticality in ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    business_days text[]      check (cardinality(business_days) between 1 and 7
                                  and business_days <@ array['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY',
                                                             'SATURDAY', 'SUNDAY']),
    business_from time,
    business_to   time,
    business_zone text,
    defined_by    text        not null,
    defined_at    timestamptz not null,
    check ((business_days is null) = (business_from is null) and (business_from is null) = (business_to is null)
        and (business_to is null) = (business_zone is null)),
    check (business_from < business_to)
);

-- Own projection of incident.opened.v1 / incident.resolved.v1: one row per incident. Each event upserts its own
-- columns, so the two converge in either order; priority and opened_at stay null when the resolution came first.
create table incident_projection (
    incident_id uuid        primary key,
    service     text        not null,
    environment text        not null,
    priority    text,
    opened_at   timestamptz,
    resolved_at timestamptz
);
create index incident_projection_open on incident_projection (service, environment) where resolved_at is null;

-- The change history risk reads: changes of a service by the time their implementation ended.
create index change_request_service_implemented on change_request (service, implementation_ended_at)
    where implementation_ended_at is not null;

-- Standard-change templates: every version of every template, never updated; null services or environments mean all.
create table standard_change_template (
    id             uuid        not null,
    version        integer     not null check (version >= 1),
    name           text        not null check (length(btrim(name)) between 1 and 200),
    description    text        not null check (length(btrim(description)) between 1 and 4000),
    services       text[]      check (cardinality(services) >= 1),
    environments   text[]      check (cardinality(environments) >= 1),
    max_risk_score integer     not null check (max_risk_score between 0 and 100),
    allowed_days   text[]      check (cardinality(allowed_days) between 1 and 7
                                   and allowed_days <@ array['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY',
                                                             'SATURDAY', 'SUNDAY']),
    allowed_from   time,
    allowed_to     time,
    allowed_zone   text,
    defined_by     text        not null,
    defined_at     timestamptz not null,
    primary key (id, version),
    check ((allowed_days is null) = (allowed_from is null) and (allowed_from is null) = (allowed_to is null)
        and (allowed_to is null) = (allowed_zone is null)),
    check (allowed_from < allowed_to)
);

-- A retired template, at the version it had; one row per template, so it is retired once.
create table standard_change_retirement (
    template_id     uuid        primary key,
    retired_version integer     not null,
    retired_by      text        not null,
    retired_at      timestamptz not null,
    foreign key (template_id, retired_version) references standard_change_template (id, version)
);

-- Which template version authorized a standard change (null: none did), as the raise path records it.
alter table change_request
    add column standard_template_id      uuid,
    add column standard_template_version integer;
alter table change_request
    add constraint change_request_standard_template_fk foreign key (standard_template_id, standard_template_version)
        references standard_change_template (id, version);
