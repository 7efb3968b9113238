-- What a change was assessed as and what holds it (issue 7): its live risk, the latest assessment (score, factors as
-- JSON, when), and while freeze windows hold it after its authorization, which windows (ids and names, as the audit
-- and the API show them) and until when. The standard-change template that pre-approved it is recorded since V6.
alter table change_request
    add column risk_score       integer check (risk_score between 0 and 100),
    add column risk_factors     jsonb,
    add column risk_assessed_at timestamptz,
    add column held_until       timestamptz,
    add column held_by          uuid[],
    add column held_by_names    text[],
    add constraint change_request_risk_in_full check
        ((risk_score is null) = (risk_factors is null) and (risk_factors is null) = (risk_assessed_at is null)),
    add constraint change_request_hold_in_full check
        ((held_until is null) = (held_by is null) and (held_by is null) = (held_by_names is null)),
    add constraint change_request_held_when_scheduled check (held_until is null or state = 'SCHEDULED');

-- the resumer's question, several times a second: which holds are over?
create index change_request_held on change_request (held_until) where held_until is not null;
