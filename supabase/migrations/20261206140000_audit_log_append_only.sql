-- media_references.audit_log is append-only for every API role, service_role included (issue 20
-- §6, docs/adr/0026). Before this, `grant all on all tables in schema media_references to
-- service_role` let the service key update, delete and truncate the log.
--
-- Two locks, because either alone can be undone by accident:
-- 1. Privileges: no API role may insert, update, delete or truncate. Entries are written only by
--    media_references.write_audit(), a SECURITY DEFINER trigger function that runs as the owner,
--    so the API roles never needed to write the table (nor may service_role forge entries).
-- 2. Triggers that refuse UPDATE, DELETE and TRUNCATE from anyone, for a later blanket
--    `grant all … to service_role`. They are statement-level: TRUNCATE fires no row triggers,
--    and a statement trigger refuses even a DELETE that matches no row.
-- The owner of the table (the migration role) is out of reach by design: it can drop or disable
-- these triggers; retention or repair is its job, done deliberately, in SQL.

revoke insert, update, delete, truncate on media_references.audit_log
  from public, anon, authenticated, service_role;
grant select on media_references.audit_log to service_role;

create function media_references_private.refuse_audit_log_change()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception 'media_references.audit_log is append-only: % is refused', tg_op
    using errcode = '42501', detail = 'audit_log_append_only',
          hint = 'Audit entries are written by triggers and are never changed or removed.';
end;
$$;
revoke execute on function media_references_private.refuse_audit_log_change() from public, anon, authenticated;

create trigger audit_log_append_only
  before update or delete or truncate on media_references.audit_log
  for each statement execute function media_references_private.refuse_audit_log_change();

comment on table media_references.audit_log is
  'Append-only: written by the write_audit triggers; UPDATE, DELETE and TRUNCATE are refused (ADR-0026).';
