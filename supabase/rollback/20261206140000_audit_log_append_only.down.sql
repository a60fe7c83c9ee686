-- Append-only audit log rollback: the trigger and its function go, service_role gets back the
-- blanket rights it had from the media_references schema migration.
begin;
drop trigger if exists audit_log_append_only on media_references.audit_log;
drop function if exists media_references_private.refuse_audit_log_change();
grant all on media_references.audit_log to service_role;
comment on table media_references.audit_log is null;
commit;
