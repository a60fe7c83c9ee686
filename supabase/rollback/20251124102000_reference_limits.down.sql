-- Rollback of 20251124102000_reference_limits: save_reference as 20251124100000 left it, no
-- limits constraint, no reference_problem.
begin;
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

alter table media_references.reference_images drop constraint reference_images_within_limits;
drop function media_references_private.reference_problem(text, jsonb, jsonb);
commit;
