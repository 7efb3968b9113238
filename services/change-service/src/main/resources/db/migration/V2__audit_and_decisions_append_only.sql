-- The audit trail and the decisions of a change are append-only, enforced by the database rather than by
-- convention (issue 7): a row is inserted once and never updated or deleted, and neither table can be truncated.
-- Only a superuser who disables triggers could rewrite them; the service's own role cannot.
create function refuse_rewriting_history() returns trigger
    language plpgsql as
$$
begin
    raise exception '% is append-only: % refused', tg_table_name, lower(tg_op)
        using errcode = 'restrict_violation',
              hint = 'the audit trail and the decisions of a change are history: append, never rewrite';
end
$$;

create trigger change_audit_append_only before update or delete on change_audit
    for each row execute function refuse_rewriting_history();
create trigger change_audit_never_truncated before truncate on change_audit
    for each statement execute function refuse_rewriting_history();
create trigger change_decision_append_only before update or delete on change_decision
    for each row execute function refuse_rewriting_history();
create trigger change_decision_never_truncated before truncate on change_decision
    for each statement execute function refuse_rewriting_history();
