-- The timeline of an incident: every state change, note, alert, suspect decision, change and deployment linked to
-- it, appended as it happens (never updated or deleted), read in order (time, then the order of appending).
create table timeline_entry (
    seq         bigint      generated always as identity primary key,
    incident_id uuid        not null references incident (id),
    at          timestamptz not null,
    kind        text        not null,
    actor       text        not null,
    text        text        not null,
    ref         uuid
);
create index timeline_by_incident on timeline_entry (incident_id, at, seq);

-- what was there before: each incident's opening, and its resolution
insert into timeline_entry (incident_id, at, kind, actor, text)
select id, opened_at, 'OPENED', reported_by, 'opened as ' || priority || ': ' || title from incident order by opened_at;
insert into timeline_entry (incident_id, at, kind, actor, text)
select id, resolved_at, 'STATE', resolved_by, 'resolved' from incident where resolved_at is not null
order by resolved_at;
