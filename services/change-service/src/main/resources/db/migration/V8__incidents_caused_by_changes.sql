-- The incidents a change caused, as incident management confirmed them (issue 9, incident.cause-confirmed.v1): one row
-- per change and incident, appended, never changed. A change that caused an incident counts as failed in its service's
-- risk (JdbcChangeHistory.FAILED).
create table change_incident (
    seq           bigint      generated always as identity,
    change_id     uuid        not null references change_request (id),
    incident_id   uuid        not null,
    deployment_id uuid        not null,
    priority      text        not null check (priority in ('P1', 'P2', 'P3', 'P4', 'P5')),
    confirmed_by  text        not null,
    confirmed_at  timestamptz not null,
    reason        text        not null,
    primary key (change_id, incident_id)
);

-- append-only like the audit trail (V2)
create trigger change_incident_append_only before update or delete on change_incident
    for each row execute function refuse_rewriting_history();
create trigger change_incident_never_truncated before truncate on change_incident
    for each statement execute function refuse_rewriting_history();
