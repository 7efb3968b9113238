-- A gate is HELD while a freeze window holds the change behind it (change.held.v1): authorized, it may proceed at
-- proceed_at, when change.authorized.v1 makes it ALLOWED (issue 7, ADR 0008).
alter table gate drop constraint gate_decision_check;
alter table gate
    add column proceed_at timestamptz,
    add constraint gate_decision_check check (decision in ('PENDING', 'HELD', 'ALLOWED', 'REFUSED')),
    add constraint gate_proceed_at_when_held check ((decision = 'HELD') = (proceed_at is not null));
