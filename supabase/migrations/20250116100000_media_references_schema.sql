-- IA reference catalog (runs SECOND, after EAV_CONTRACT:v1).
-- Schema media_references: human-corrected references, their CLIP embeddings, links to EAV's
-- planned shots, an audit log, the curated view and the RPCs the panel calls.
-- Design: ADR-009 (docs/facts/schema-brief.md) as corrected by docs/adr/0002-reference-catalog-schema.md.

do $guard$
declare
  shots regclass := to_regclass('public.shots');
begin
  -- (no ::regclass literal here: it would fail with "relation does not exist" before our message)
  if shots is null or coalesce(obj_description(shots, 'pg_class'), '') not like 'EAV_CONTRACT:v1%' then
    raise exception 'EAV contract v1 is missing: public.shots has no EAV_CONTRACT:v1 marker'
      using hint = 'Apply the EAV migration 20250116090000_shots_contract_v1.sql first.';
  end if;
end
$guard$;

create extension if not exists vector with schema extensions;

create schema media_references;
comment on schema media_references is 'IA reference catalog (ADR-009). Owned by Ingest Assistant; reads public.shots only through curated functions.';
grant usage on schema media_references to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
-- Who may write: staff, judged from sources the user cannot edit (docs/facts/eav-shots.md: auth.role() is only
-- anon/authenticated/service_role, and user_metadata is user-editable). The service role (bulk
-- import with the service key) counts as staff.
create function media_references.is_staff()
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(auth.jwt() ->> 'role' = 'service_role', false)
      or coalesce((auth.jwt() -> 'app_metadata' ->> 'role') in ('admin', 'employee'), false)
      or exists (select 1 from public.user_profiles p
                 where p.id = auth.uid() and p.role in ('admin', 'employee'));
$$;

create function media_references.is_admin()
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce((auth.jwt() -> 'app_metadata' ->> 'role') = 'admin', false)
      or exists (select 1 from public.user_profiles p where p.id = auth.uid() and p.role = 'admin');
$$;

-- ---------------------------------------------------------------------------------------------
-- IA metadata fields (docs/facts/ia-contract.md). Returns null when valid, else what is wrong.
create function media_references.metadata_problem(metadata jsonb)
returns text
language plpgsql
immutable
set search_path = ''
as $$
declare
  k text;
  allowed constant text[] := array['location', 'subject', 'action', 'shotType', 'shotNumber', 'keywords',
                                   'lockedFields', 'cameraId', 'reviewedBy', 'reviewedAt', 'source'];
  lockable constant text[] := array['location', 'subject', 'action', 'shotType', 'shotNumber', 'keywords'];
begin
  if metadata is null or jsonb_typeof(metadata) <> 'object' then
    return 'metadata must be a JSON object';
  end if;
  for k in select jsonb_object_keys(metadata) loop
    if not k = any (allowed) then
      return format('unknown metadata field "%s" (allowed: %s)', k, array_to_string(allowed, ', '));
    end if;
  end loop;
  foreach k in array array['location', 'subject', 'shotType'] loop
    if jsonb_typeof(metadata -> k) is distinct from 'string' or length(btrim(metadata ->> k)) = 0 then
      return format('"%s" is required and must be a non-empty string', k);
    end if;
  end loop;
  foreach k in array array['action', 'cameraId', 'reviewedBy', 'reviewedAt', 'source'] loop
    if metadata ? k and jsonb_typeof(metadata -> k) not in ('string', 'null') then
      return format('"%s" must be a string', k);
    end if;
  end loop;
  if not (metadata ->> 'shotType') = any (array['WS', 'MID', 'CU', 'UNDER', 'FP', 'TRACK', 'ESTAB']) then
    return format('shotType "%s" is not in the IA vocabulary (WS, MID, CU, UNDER, FP, TRACK, ESTAB)', metadata ->> 'shotType');
  end if;
  if metadata ? 'shotNumber' and jsonb_typeof(metadata -> 'shotNumber') <> 'null' and (
       jsonb_typeof(metadata -> 'shotNumber') <> 'number'
       or (metadata ->> 'shotNumber')::numeric <> trunc((metadata ->> 'shotNumber')::numeric)
       or (metadata ->> 'shotNumber')::numeric < 1) then
    return '"shotNumber" must be a whole number of at least 1';
  end if;
  if metadata ? 'keywords' and (jsonb_typeof(metadata -> 'keywords') <> 'array'
       or exists (select 1 from jsonb_array_elements(metadata -> 'keywords') e where jsonb_typeof(e) <> 'string')) then
    return '"keywords" must be a list of strings';
  end if;
  if metadata ? 'lockedFields' and (jsonb_typeof(metadata -> 'lockedFields') <> 'array'
       or exists (select 1 from jsonb_array_elements_text(metadata -> 'lockedFields') e where not e = any (lockable))) then
    return format('"lockedFields" must list only: %s', array_to_string(lockable, ', '));
  end if;
  return null;
end;
$$;

-- ---------------------------------------------------------------------------------------------
-- Embedding models: a search compares only embeddings of one model version.
create table media_references.embedding_models (
  model_version text primary key check (length(model_version) between 1 and 200),
  dimensions integer not null check (dimensions = 512),
  is_default boolean not null default false,
  description text,
  created_at timestamptz not null default now()
);
create unique index embedding_models_one_default on media_references.embedding_models (is_default) where is_default;
insert into media_references.embedding_models (model_version, dimensions, is_default, description) values
  ('Xenova/clip-vit-base-patch32@q8', 512, true, 'OpenAI CLIP ViT-B/32, ONNX int8 (transformers.js default)'),
  ('Xenova/clip-vit-base-patch32@fp32', 512, false, 'OpenAI CLIP ViT-B/32, ONNX fp32');

create table media_references.reference_images (
  id uuid primary key default gen_random_uuid(),  -- client-generated on save: the idempotency key
  file_path text not null check (length(file_path) between 1 and 4096),
  original_catalog jsonb,
  corrected_metadata jsonb not null check (media_references.metadata_problem(corrected_metadata) is null),
  review_status text not null default 'confirmed' check (review_status in ('pending', 'confirmed', 'rejected')),
  thumbnail_url text,
  created_by uuid default auth.uid(),
  created_at timestamptz not null default now(),
  updated_by uuid default auth.uid(),
  updated_at timestamptz not null default now()
);
create index reference_images_review_status_idx on media_references.reference_images (review_status);

create table media_references.image_embeddings (
  id uuid primary key default gen_random_uuid(),
  reference_image_id uuid not null references media_references.reference_images (id) on delete cascade,
  model_version text not null references media_references.embedding_models (model_version),
  embedding extensions.vector(512) not null,
  created_at timestamptz not null default now(),
  unique (reference_image_id, model_version)
);
create index image_embeddings_model_version_idx on media_references.image_embeddings (model_version);
create index image_embeddings_embedding_hnsw on media_references.image_embeddings
  using hnsw (embedding extensions.vector_cosine_ops) with (m = 16, ef_construction = 64);

create table media_references.shot_references (
  reference_image_id uuid primary key references media_references.reference_images (id) on delete cascade,
  shot_id uuid not null,
  created_by uuid default auth.uid(),
  created_at timestamptz not null default now(),
  constraint fk_shot_id foreign key (shot_id) references public.shots (id) on delete restrict
);
create index shot_references_shot_id_idx on media_references.shot_references (shot_id);

create table media_references.audit_log (
  id bigint generated always as identity primary key,
  table_name text not null,
  operation text not null,
  row_id uuid,
  actor uuid,
  actor_role text,
  at timestamptz not null default now(),
  old_row jsonb,
  new_row jsonb
);
create index audit_log_row_id_idx on media_references.audit_log (row_id);

-- ---------------------------------------------------------------------------------------------
-- Audit and updated_at triggers.
create function media_references.write_audit()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  old_json jsonb := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) end;
  new_json jsonb := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) end;
begin
  -- vectors are large and carry no review meaning: log that they changed, not their values
  old_json := old_json - 'embedding';
  new_json := new_json - 'embedding';
  insert into media_references.audit_log (table_name, operation, row_id, actor, actor_role, old_row, new_row)
  values (tg_table_name, tg_op,
          coalesce((new_json ->> 'id')::uuid, (old_json ->> 'id')::uuid,
                   (new_json ->> 'reference_image_id')::uuid, (old_json ->> 'reference_image_id')::uuid),
          auth.uid(), coalesce(auth.jwt() ->> 'role', current_user), old_json, new_json);
  return coalesce(new, old);
end;
$$;

create function media_references.touch_updated()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  new.updated_by := auth.uid();
  return new;
end;
$$;

create trigger reference_images_touch before update on media_references.reference_images
  for each row execute function media_references.touch_updated();
create trigger reference_images_audit after insert or update or delete on media_references.reference_images
  for each row execute function media_references.write_audit();
create trigger image_embeddings_audit after insert or update or delete on media_references.image_embeddings
  for each row execute function media_references.write_audit();
create trigger shot_references_audit after insert or update or delete on media_references.shot_references
  for each row execute function media_references.write_audit();
revoke execute on function media_references.write_audit(), media_references.touch_updated() from public, anon, authenticated;

-- ---------------------------------------------------------------------------------------------
-- Access: everyone reads the catalog; staff write; only admins delete; audit log is staff-read.
alter table media_references.embedding_models enable row level security;
alter table media_references.reference_images enable row level security;
alter table media_references.image_embeddings enable row level security;
alter table media_references.shot_references enable row level security;
alter table media_references.audit_log enable row level security;

grant select on media_references.embedding_models, media_references.reference_images,
  media_references.image_embeddings, media_references.shot_references to anon, authenticated;
grant insert, update, delete on media_references.reference_images, media_references.image_embeddings,
  media_references.shot_references to authenticated;
grant select on media_references.audit_log to authenticated;
grant all on all tables in schema media_references to service_role;

create policy "Anyone reads models" on media_references.embedding_models for select to anon, authenticated using (true);

create policy "Anyone reads references" on media_references.reference_images for select to anon, authenticated using (true);
create policy "Staff add references" on media_references.reference_images for insert to authenticated
  with check ((select media_references.is_staff()));
create policy "Staff correct references" on media_references.reference_images for update to authenticated
  using ((select media_references.is_staff())) with check ((select media_references.is_staff()));
create policy "Admins delete references" on media_references.reference_images for delete to authenticated
  using ((select media_references.is_admin()));

create policy "Anyone reads embeddings" on media_references.image_embeddings for select to anon, authenticated using (true);
create policy "Staff add embeddings" on media_references.image_embeddings for insert to authenticated
  with check ((select media_references.is_staff()));
create policy "Staff replace embeddings" on media_references.image_embeddings for update to authenticated
  using ((select media_references.is_staff())) with check ((select media_references.is_staff()));
create policy "Admins delete embeddings" on media_references.image_embeddings for delete to authenticated
  using ((select media_references.is_admin()));

create policy "Anyone reads shot links" on media_references.shot_references for select to anon, authenticated using (true);
create policy "Staff link shots" on media_references.shot_references for insert to authenticated
  with check ((select media_references.is_staff()));
create policy "Staff relink shots" on media_references.shot_references for update to authenticated
  using ((select media_references.is_staff())) with check ((select media_references.is_staff()));
create policy "Staff unlink shots" on media_references.shot_references for delete to authenticated
  using ((select media_references.is_staff()));

create policy "Staff read audit" on media_references.audit_log for select to authenticated
  using ((select media_references.is_staff()));

-- ---------------------------------------------------------------------------------------------
-- The curated path into public.shots: only the columns safe to show, only for shots that some
-- reference links to. SECURITY DEFINER function + security_invoker view instead of a SECURITY
-- DEFINER view, which Supabase's linter flags as an ERROR (docs/adr/0002).
create function media_references.linked_shot_fields()
returns table (shot_id uuid, shot_number integer, shot_type text, subject text, action text,
               variant text, movement_type text, shot_status text)
language sql
stable
security definer
set search_path = ''
as $$
  select s.id, s.shot_number, s.shot_type, s.subject, s.action, s.variant, s.movement_type, s.shot_status
  from public.shots s
  where exists (select 1 from media_references.shot_references sr where sr.shot_id = s.id);
$$;

create view media_references.reference_images_with_shot
with (security_invoker = true)
as
select r.id, r.file_path, r.corrected_metadata, r.original_catalog, r.review_status, r.thumbnail_url,
       r.created_at, r.updated_at,
       sr.shot_id, s.shot_number, s.shot_type, s.subject as shot_subject, s.action as shot_action,
       s.variant as shot_variant, s.movement_type, s.shot_status
from media_references.reference_images r
left join media_references.shot_references sr on sr.reference_image_id = r.id
left join media_references.linked_shot_fields() s on s.shot_id = sr.shot_id;

grant select on media_references.reference_images_with_shot to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
-- RPCs. Errors use SQLSTATE 22023 (bad parameter), 23503 (unknown shot) and 42501 (not allowed)
-- with messages that say what was wrong and what to do, and a machine-readable DETAIL
-- (invalid_embedding, unknown_model_version, invalid_metadata, unknown_shot, not_staff, …).
create function media_references.resolve_model_version(requested text)
returns text
language plpgsql
stable
set search_path = ''
as $$
declare
  resolved text;
begin
  if requested is null then
    select model_version into resolved from media_references.embedding_models where is_default;
  else
    select model_version into resolved from media_references.embedding_models where model_version = requested;
  end if;
  if resolved is null then
    raise exception 'unknown model version "%"', requested
      using errcode = '22023', detail = 'unknown_model_version',
            hint = 'Known: ' || (select string_agg(model_version, ', ') from media_references.embedding_models);
  end if;
  return resolved;
end;
$$;

create function media_references.check_embedding(embedding extensions.vector)
returns extensions.vector(512)
language plpgsql
immutable
set search_path = ''
as $$
begin
  if embedding is null then
    raise exception 'embedding is required' using errcode = '22023', detail = 'invalid_embedding';
  end if;
  if extensions.vector_dims(embedding) <> 512 then
    raise exception 'embedding has % dimensions; CLIP ViT-B/32 embeddings have 512', extensions.vector_dims(embedding)
      using errcode = '22023', detail = 'invalid_embedding',
            hint = 'Embed with the catalog''s model version and send the 512-d vector.';
  end if;
  return embedding::extensions.vector(512);
end;
$$;

create function media_references.match_references(
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

create function media_references.save_reference(
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

-- Existence check for save_reference: staff may not be able to read public.shots through RLS
-- on every EAV setup, and the answer is only true/false.
create function media_references.shot_exists(p_shot_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (select 1 from public.shots where id = p_shot_id);
$$;

create function media_references.shot_reference_count(p_shot_id uuid)
returns integer
language sql
stable
security definer
set search_path = ''
as $$
  select count(*)::integer from media_references.shot_references where shot_id = p_shot_id;
$$;

create function media_references.list_shots(search text default null, max_rows integer default 500)
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

-- EXECUTE only for the roles that need each function.
revoke execute on all functions in schema media_references from public, anon, authenticated;
grant execute on function media_references.match_references(extensions.vector, integer, text, text, text) to anon, authenticated, service_role;
grant execute on function media_references.linked_shot_fields() to anon, authenticated, service_role;
grant execute on function media_references.save_reference(uuid, text, jsonb, extensions.vector, text, uuid, jsonb, text) to authenticated, service_role;
grant execute on function media_references.shot_reference_count(uuid) to authenticated, service_role;
grant execute on function media_references.list_shots(text, integer) to authenticated, service_role;
-- used inside policies, checks and invoker-rights functions called by those roles
grant execute on function media_references.is_staff(), media_references.is_admin(),
  media_references.metadata_problem(jsonb), media_references.check_embedding(extensions.vector),
  media_references.resolve_model_version(text), media_references.shot_exists(uuid) to authenticated, service_role;
