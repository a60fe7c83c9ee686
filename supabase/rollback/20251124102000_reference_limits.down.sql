-- Rollback of 20251124102000_reference_limits: the input check as 20251124100000 left it, no
-- limits constraint, no reference_problem.
begin;
create or replace function media_references_private.check_reference_input(file_path text, corrected_metadata jsonb,
                                                                original_catalog jsonb)
returns void
language plpgsql
immutable
set search_path = ''
as $$
declare
  problem text := media_references_private.metadata_problem(corrected_metadata);
begin
  if problem is not null then
    raise exception 'corrected_metadata is invalid: %', problem using errcode = '22023', detail = 'invalid_metadata';
  end if;
end;
$$;

alter table media_references.reference_images drop constraint reference_images_within_limits;
drop function media_references_private.reference_problem(text, jsonb, jsonb);
commit;
