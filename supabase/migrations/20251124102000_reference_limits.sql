-- Limits on what one reference may carry (issue 13 §2). Before this, a 10 MB original_catalog,
-- a 1 MB subject and 20,000 keywords were accepted. The same numbers and messages are in the
-- client (src/lib/catalog/reference-limits.ts); a test keeps the two in step.
-- save_reference (through check_reference_input) refuses with 22023 / DETAIL limit_exceeded;
-- a write that bypasses the RPC meets the same function as a check constraint (23514).

create function media_references_private.reference_problem(file_path text, corrected_metadata jsonb,
                                                            original_catalog jsonb)
returns text
language plpgsql
immutable
set search_path = ''
as $$
declare
  k text;
  n integer;
  i integer := 0;
  keyword jsonb;
begin
  if file_path is null or length(file_path) not between 1 and 4096 then
    return format('"file_path" must be 1 to 4096 characters, got %s', coalesce(length(file_path), 0));
  end if;
  if jsonb_typeof(corrected_metadata) = 'object' then
    foreach k in array array['location', 'subject', 'action', 'cameraId', 'reviewedBy', 'reviewedAt', 'source'] loop
      if jsonb_typeof(corrected_metadata -> k) = 'string' and length(corrected_metadata ->> k) > 200 then
        return format('"%s" is %s characters; at most 200 are allowed', k, length(corrected_metadata ->> k));
      end if;
    end loop;
    if jsonb_typeof(corrected_metadata -> 'keywords') = 'array' then
      n := jsonb_array_length(corrected_metadata -> 'keywords');
      if n > 50 then
        return format('"keywords" has %s entries; at most 50 are allowed', n);
      end if;
      for keyword in select value from jsonb_array_elements(corrected_metadata -> 'keywords') loop
        i := i + 1;
        if jsonb_typeof(keyword) = 'string' and length(keyword #>> '{}') > 100 then
          return format('keyword %s is %s characters; at most 100 are allowed', i, length(keyword #>> '{}'));
        end if;
      end loop;
    end if;
  end if;
  if original_catalog is not null and octet_length(original_catalog::text) > 16384 then
    return format('"original_catalog" is %s bytes as JSON; at most 16384 are allowed', octet_length(original_catalog::text));
  end if;
  return null;
end;
$$;

revoke execute on function media_references_private.reference_problem(text, jsonb, jsonb) from public, anon;
grant execute on function media_references_private.reference_problem(text, jsonb, jsonb) to authenticated, service_role;

alter table media_references.reference_images add constraint reference_images_within_limits
  check (media_references_private.reference_problem(file_path, corrected_metadata, original_catalog) is null);

-- save_reference checks the limits after the metadata, before anything is written.
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
  problem := media_references_private.reference_problem(file_path, corrected_metadata, original_catalog);
  if problem is not null then
    raise exception 'the reference is too large: %', problem using errcode = '22023', detail = 'limit_exceeded';
  end if;
end;
$$;
