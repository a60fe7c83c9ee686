-- Rollback of 20251124100000_helpers_out_of_api (run before the rollbacks of older migrations).
-- Puts the helpers back in media_references with their earlier rights and restores the API
-- functions' earlier bodies, as 20250116100000_media_references_schema.sql defined them.
begin;
alter function media_references_private.is_staff() security definer;
alter function media_references_private.is_admin() security definer;
alter function media_references_private.is_staff() set schema media_references;
alter function media_references_private.is_admin() set schema media_references;
alter function media_references_private.metadata_problem(jsonb) set schema media_references;
alter function media_references_private.check_embedding(extensions.vector) set schema media_references;
alter function media_references_private.resolve_model_version(text) set schema media_references;
alter function media_references_private.write_audit() set schema media_references;
alter function media_references_private.touch_updated() set schema media_references;
alter function media_references.shot_reference_count(uuid) security definer;
drop function media_references_private.check_reference_input(text, jsonb, jsonb);
drop schema media_references_private;

create function media_references.shot_exists(p_shot_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (select 1 from public.shots where id = p_shot_id);
$$;

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
  if not (select media_references.is_staff()) then
    raise exception 'only staff (admin or employee) can save references'
      using errcode = '42501', detail = 'not_staff', hint = 'Sign in with a staff account.';
  end if;
  problem := media_references.metadata_problem(corrected_metadata);
  if problem is not null then
    raise exception 'corrected_metadata is invalid: %', problem using errcode = '22023', detail = 'invalid_metadata';
  end if;
  v_embedding := media_references.check_embedding(embedding);
  v_model := media_references.resolve_model_version(model_version);
  if shot_id is not null and not media_references.shot_exists(shot_id) then
    raise exception 'unknown shot %: it is not in public.shots', shot_id
      using errcode = '23503', detail = 'unknown_shot',
            hint = 'Pick a planned shot from the shot list, or save without a shot.';
  end if;

  insert into media_references.reference_images as ri (id, file_path, original_catalog, corrected_metadata, thumbnail_url)
  values (reference_id, file_path, original_catalog, corrected_metadata, thumbnail_url)
  on conflict (id) do nothing
  returning ri.id into inserted;

  if inserted is not null then
    insert into media_references.image_embeddings (reference_image_id, model_version, embedding)
    values (reference_id, v_model, v_embedding);
    if shot_id is not null then
      insert into media_references.shot_references (reference_image_id, shot_id) values (reference_id, shot_id);
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

create or replace function media_references.match_references(
  query_embedding extensions.vector,
  match_count integer default 10,
  filter_shot_type text default null,
  filter_shot_status text default null,
  model_version text default null
)
returns table (reference_id uuid, similarity double precision, file_path text, corrected_metadata jsonb,
               shot_id uuid, shot_number integer, shot_type text, shot_subject text, shot_action text,
               shot_status text, movement_type text)
language plpgsql
stable
security definer
set search_path = ''
set hnsw.ef_search = 100
set hnsw.iterative_scan = 'relaxed_order'
as $$
declare
  q extensions.vector(512) := media_references.check_embedding(query_embedding);
  v_model text := media_references.resolve_model_version(model_version);
begin
  if match_count is null or match_count < 1 or match_count > 200 then
    raise exception 'match_count must be between 1 and 200, got %', match_count
      using errcode = '22023', detail = 'invalid_match_count';
  end if;
  return query
  with nearest as materialized (
    select e.reference_image_id, e.embedding operator(extensions.<=>) q as distance
    from media_references.image_embeddings e
    join media_references.reference_images r on r.id = e.reference_image_id
    left join media_references.shot_references sr on sr.reference_image_id = e.reference_image_id
    left join public.shots s on s.id = sr.shot_id
    where e.model_version = v_model
      and r.review_status = 'confirmed'
      and (filter_shot_type is null or r.corrected_metadata ->> 'shotType' = filter_shot_type)
      and (filter_shot_status is null or s.shot_status = filter_shot_status)
    order by e.embedding operator(extensions.<=>) q
    limit match_count
  )
  select n.reference_image_id, 1 - n.distance, r.file_path, r.corrected_metadata,
         s.id, s.shot_number, s.shot_type, s.subject, s.action, s.shot_status, s.movement_type
  from nearest n
  join media_references.reference_images r on r.id = n.reference_image_id
  left join media_references.shot_references sr on sr.reference_image_id = n.reference_image_id
  left join public.shots s on s.id = sr.shot_id
  order by n.distance;
end;
$$;

create or replace function media_references.list_shots(search text default null, max_rows integer default 500)
returns table (id uuid, scene_id uuid, shot_number integer, shot_type text, subject text, action text,
               variant text, location_start_point text, movement_type text, shot_status text,
               reference_count integer)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if not (select media_references.is_staff()) then
    raise exception 'only staff (admin or employee) can list planned shots'
      using errcode = '42501', detail = 'not_staff', hint = 'Sign in with a staff account.';
  end if;
  return query
  select s.id, s.scene_id, s.shot_number, s.shot_type, s.subject, s.action, s.variant,
         s.location_start_point, s.movement_type, s.shot_status,
         (select count(*)::integer from media_references.shot_references sr where sr.shot_id = s.id)
  from public.shots s
  where search is null
     or concat_ws(' ', s.subject, s.action, s.shot_type, s.location_start_point, s.variant) ilike '%' || search || '%'
  order by s.scene_id nulls last, s.shot_number nulls last, s.created_at
  limit least(greatest(coalesce(max_rows, 500), 1), 2000);
end;
$$;

revoke execute on function media_references.shot_exists(uuid) from public, anon, authenticated;
grant execute on function media_references.shot_exists(uuid) to authenticated, service_role;
commit;
