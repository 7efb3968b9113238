-- Approval policies (issue 7): per environment, or per service in an environment (service '' = every service), for
-- normal or for emergency changes, each definition a new version, every version kept. A change records the policy
-- version it was decided under.
create table approval_policy (
    environment           text        not null,
    service               text        not null default '',
    change_type           text        not null check (change_type in ('NORMAL', 'EMERGENCY')),
    version               integer     not null check (version >= 1),
    approvals_required    integer     not null check (approvals_required between 1 and 5),
    approver_roles        text[]      not null check (cardinality(approver_roles) >= 1
                                          and approver_roles <@ array['change-manager', 'cab-member', 'emergency-approver']),
    any_rejection_rejects boolean     not null,
    defined_by            text        not null,
    defined_at            timestamptz not null,
    primary key (environment, service, change_type, version)
);

-- version 0: the default policy of the change's type; null: not decided yet
alter table change_request
    add column decided_under_environment text,
    add column decided_under_service     text,
    add column decided_under_version     integer;
