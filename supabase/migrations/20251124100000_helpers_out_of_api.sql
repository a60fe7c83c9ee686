-- Helpers out of the API (issue 9 §4, issue 13 §6; docs/adr/0006, 0007).
-- Functions that are not API move from media_references (exposed by PostgREST) to
-- media_references_private (never exposed), so /rest/v1/rpc can no longer reach them. The schema
-- is not called just "private": the catalog shares EAV's database, and Supabase's own guides put
-- EAV-side helpers (is_admin, …) in a schema of that name.
-- Policies and check constraints name functions by OID, so they follow the move; function bodies
-- name them as text, so the three API functions that call helpers are redefined here.
-- Also: no helper stays SECURITY DEFINER where the caller's own rights suffice (Supabase linter
-- 0028/0029 flag every definer function that anon/authenticated may execute, in any schema).

create schema media_references_private;
comment on schema media_references_private is
  'IA reference catalog helpers: used by policies, checks and the media_references RPCs; never exposed by PostgREST.';
grant usage on schema media_references_private to authenticated, service_role;

alter function media_references.is_staff() set schema media_references_private;
alter function media_references.is_admin() set schema media_references_private;
alter function media_references.metadata_problem(jsonb) set schema media_references_private;
alter function media_references.check_embedding(extensions.vector) set schema media_references_private;
alter function media_references.resolve_model_version(text) set schema media_references_private;
alter function media_references.write_audit() set schema media_references_private;
alter function media_references.touch_updated() set schema media_references_private;

-- Staff status is read with the caller's rights: a user reads their own user_profiles row
-- (the contract's "Read own profile"). Where a project hides it, the answer is "not staff": the
-- helper fails closed instead of running with the owner's rights.
alter function media_references_private.is_staff() security invoker;
alter function media_references_private.is_admin() security invoker;

-- Counts links, which every role may read already: no definer rights needed.
alter function media_references.shot_reference_count(uuid) security invoker;

-- What save_reference checks in the reference's own fields, in one place later migrations extend.
create function media_references_private.check_reference_input(file_path text, corrected_metadata jsonb,
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

-- save_reference no longer asks shot_exists (a definer probe any signed-in user could call):
-- the foreign key decides, after the reference and its embedding are written, in one transaction.
drop function media_references.shot_exists(uuid);

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
  perform media_references_private.check_reference_input(file_path, corrected_metadata, original_catalog);
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

-- Still SECURITY DEFINER, deliberately: anon's only path to the curated shot fields (ADR 0007).
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
  q extensions.vector(512) := media_references_private.check_embedding(query_embedding);
  v_model text := media_references_private.resolve_model_version(model_version);
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

-- The shot list runs with the caller's rights: staff see the shots EAV's own RLS shows them.
create or replace function media_references.list_shots(search text default null, max_rows integer default 500)
returns table (id uuid, scene_id uuid, shot_number integer, shot_type text, subject text, action text,
               variant text, location_start_point text, movement_type text, shot_status text,
               reference_count integer)
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  if not (select media_references_private.is_staff()) then
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

-- EXECUTE on the helpers: only what policies, checks and invoker-rights RPCs need.
revoke execute on all functions in schema media_references_private from public, anon, authenticated;
grant execute on function media_references_private.is_staff(), media_references_private.is_admin(),
  media_references_private.metadata_problem(jsonb), media_references_private.check_embedding(extensions.vector),
  media_references_private.resolve_model_version(text),
  media_references_private.check_reference_input(text, jsonb, jsonb) to authenticated, service_role;
