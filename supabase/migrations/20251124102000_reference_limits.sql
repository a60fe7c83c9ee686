-- Limits on what one reference may carry (issue 13 §2). Before this, a 10 MB original_catalog,
-- a 1 MB subject and 20,000 keywords were accepted. The same numbers and messages are in the
-- client (src/lib/catalog/reference-limits.ts); a test keeps the two in step.
-- save_reference refuses with 22023 / DETAIL limit_exceeded; a write that bypasses the RPC meets
-- the same function as a check constraint (23514).

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

create or replace function media_references.save_reference(
  reference_id uuid,
  file_path text,
  corrected_metadata jsonb,
  embedding extensions.vector,
  model_version text default null,
  shot_id uuid default null,
  original_catalog jsonb default null,
  thumbnail_url text default null
)
returns jsonb
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
  problem text;
  v_embedding extensions.vector(512);
  v_model text;
  inserted uuid;
  result jsonb;
begin
  if reference_id is null then
    raise exception 'reference_id is required: generate it on the client so retries are idempotent'
      using errcode = '22023', detail = 'missing_reference_id';
  end if;
  if not (select media_references_private.is_staff()) then
    raise exception 'only staff (admin or employee) can save references'
      using errcode = '42501', detail = 'not_staff', hint = 'Sign in with a staff account.';
  end if;
  problem := media_references_private.metadata_problem(corrected_metadata);
  if problem is not null then
    raise exception 'corrected_metadata is invalid: %', problem using errcode = '22023', detail = 'invalid_metadata';
  end if;
  problem := media_references_private.reference_problem(file_path, corrected_metadata, original_catalog);
  if problem is not null then
    raise exception 'the reference is too large: %', problem using errcode = '22023', detail = 'limit_exceeded';
  end if;
  v_embedding := media_references_private.check_embedding(embedding);
  v_model := media_references_private.resolve_model_version(model_version);

  insert into media_references.reference_images as ri (id, file_path, original_catalog, corrected_metadata, thumbnail_url)
  values (reference_id, file_path, original_catalog, corrected_metadata, thumbnail_url)
  on conflict (id) do nothing
  returning ri.id into inserted;

  if inserted is not null then
    insert into media_references.image_embeddings (reference_image_id, model_version, embedding)
    values (reference_id, v_model, v_embedding);
    if shot_id is not null then
      begin
        insert into media_references.shot_references (reference_image_id, shot_id) values (reference_id, shot_id);
      exception when foreign_key_violation then
        raise exception 'unknown shot %: it is not in public.shots', shot_id
          using errcode = '23503', detail = 'unknown_shot',
                hint = 'Pick a planned shot from the shot list, or save without a shot.';
      end;
    end if;
  end if;

  select jsonb_build_object(
           'id', r.id, 'file_path', r.file_path, 'corrected_metadata', r.corrected_metadata,
           'review_status', r.review_status, 'shot_id', sr.shot_id, 'created_at', r.created_at,
           'created', inserted is not null)
    into result
  from media_references.reference_images r
  left join media_references.shot_references sr on sr.reference_image_id = r.id
  where r.id = reference_id;
  return result;
end;
$$;
