-- A correction the editor can see (issue 22 §4, docs/adr/0012 and 0029).
-- 1. reference_images.corrected_at: when a person last corrected a reference's values. The vote
--    lets the newest correction of a planned shot speak for its older references, so it needs a
--    time that means that: updated_at also moves on review-status changes and on the updates below.
-- 2. match_references and reference_images_with_shot answer corrected_at (match_references also
--    whether the caller made that correction).
-- 3. update_older_references: staff bring the older references of a correction's shot in line
--    with it (each change audited by the existing write_audit trigger; a dry run says what would change).
-- 4. undo_reference_update: an admin (or the service key) puts one audited update back, unless the
--    reference changed since.

alter table media_references.reference_images
  add column corrected_at timestamptz not null default now();
update media_references.reference_images set corrected_at = updated_at;
comment on column media_references.reference_images.corrected_at is
  'When a person last corrected corrected_metadata (set by trigger unless the update sets it: ADR-0029).';

-- A change of values is a new correction, unless the update says which correction it carries
-- (update_older_references copies the correction''s time; undo_reference_update puts the old one back).
create function media_references_private.stamp_correction()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.corrected_metadata is distinct from old.corrected_metadata
     and new.corrected_at is not distinct from old.corrected_at then
    new.corrected_at := now();
  end if;
  return new;
end;
$$;
revoke execute on function media_references_private.stamp_correction() from public, anon, authenticated;
create trigger reference_images_stamp_correction before update on media_references.reference_images
  for each row execute function media_references_private.stamp_correction();

-- The calibration sample reads references through this view: it needs their correction times too.
create or replace view media_references.reference_images_with_shot
with (security_invoker = true)
as
select r.id, r.file_path, r.corrected_metadata, r.original_catalog, r.review_status, r.thumbnail_url,
       r.created_at, r.updated_at,
       sr.shot_id, s.shot_number, s.shot_type, s.subject as shot_subject, s.action as shot_action,
       s.variant as shot_variant, s.movement_type, s.shot_status, r.corrected_at
from media_references.reference_images r
left join media_references.shot_references sr on sr.reference_image_id = r.id
left join media_references.linked_shot_fields() s on s.shot_id = sr.shot_id;

-- The return type grows, so the function is dropped and created again with its grant.
drop function media_references.match_references(extensions.vector, integer, text, text, text);
create function media_references.match_references(
  query_embedding extensions.vector,
  match_count integer default 10,
  filter_shot_type text default null,
  filter_shot_status text default null,
  model_version text default null
)
returns table (reference_id uuid, similarity double precision, file_path text, corrected_metadata jsonb,
               shot_id uuid, shot_number integer, shot_type text, shot_subject text, shot_action text,
               shot_status text, movement_type text, corrected_at timestamptz, corrected_by_you boolean)
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
         s.id, s.shot_number, s.shot_type, s.subject, s.action, s.shot_status, s.movement_type,
         r.corrected_at, coalesce(coalesce(r.updated_by, r.created_by) = auth.uid(), false)
  from nearest n
  join media_references.reference_images r on r.id = n.reference_image_id
  left join media_references.shot_references sr on sr.reference_image_id = n.reference_image_id
  left join public.shots s on s.id = sr.shot_id
  order by n.distance;
end;
$$;
revoke execute on function media_references.match_references(extensions.vector, integer, text, text, text) from public;
grant execute on function media_references.match_references(extensions.vector, integer, text, text, text)
  to anon, authenticated, service_role;

-- Staff only, with the caller's rights: RLS ("Staff correct references") decides each update as it
-- would a direct one, and write_audit logs each. Only the four voted fields can be carried over.
create function media_references.update_older_references(
  correction_id uuid,
  fields text[],
  dry_run boolean default false
)
returns table (reference_id uuid, file_path text, changed_fields text[], before jsonb, audit_id bigint)
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
  c record;
  o record;
  f text;
  changed text[];
  patch jsonb;
  a bigint;
begin
  if not (select media_references_private.is_staff()) then
    raise exception 'only staff may update references' using errcode = '42501', detail = 'not_staff';
  end if;
  if fields is null or cardinality(fields) = 0
     or not fields <@ array['location', 'subject', 'action', 'shotType'] then
    raise exception 'fields must be some of location, subject, action, shotType; got %', fields
      using errcode = '22023', detail = 'invalid_fields';
  end if;
  select r.id, r.corrected_metadata, r.corrected_at, sr.shot_id into c
    from media_references.reference_images r
    join media_references.shot_references sr on sr.reference_image_id = r.id
   where r.id = correction_id and r.review_status = 'confirmed';
  if not found then
    raise exception 'reference % is not a confirmed reference linked to a planned shot', correction_id
      using errcode = '22023', detail = 'not_a_shot_reference',
            hint = 'Link the reference to its planned shot first.';
  end if;
  for o in
    select r.id, r.file_path, r.corrected_metadata
      from media_references.reference_images r
      join media_references.shot_references sr on sr.reference_image_id = r.id
     where sr.shot_id = c.shot_id and r.id <> c.id and r.review_status = 'confirmed'
       and r.corrected_at < c.corrected_at
     order by r.corrected_at, r.id
  loop
    changed := array[]::text[];
    patch := '{}'::jsonb;
    foreach f in array fields loop
      if nullif(btrim(c.corrected_metadata ->> f), '') is not null
         and lower(btrim(coalesce(o.corrected_metadata ->> f, ''))) <> lower(btrim(c.corrected_metadata ->> f)) then
        changed := changed || f;
        patch := patch || jsonb_build_object(f, c.corrected_metadata -> f);
      end if;
    end loop;
    continue when cardinality(changed) = 0;
    a := null;
    if not dry_run then
      update media_references.reference_images r
         set corrected_metadata = r.corrected_metadata || patch, corrected_at = c.corrected_at
       where r.id = o.id;
      select max(l.id) into a from media_references.audit_log l
       where l.table_name = 'reference_images' and l.operation = 'UPDATE' and l.row_id = o.id;
    end if;
    reference_id := o.id;
    file_path := o.file_path;
    changed_fields := changed;
    before := o.corrected_metadata;
    audit_id := a;
    return next;
  end loop;
end;
$$;
comment on function media_references.update_older_references(uuid, text[], boolean) is
  'Staff: carry a correction''s fields over to the older references of its planned shot (audited; ADR-0029).';
revoke execute on function media_references.update_older_references(uuid, text[], boolean) from public, anon;
grant execute on function media_references.update_older_references(uuid, text[], boolean) to authenticated, service_role;

create function media_references.undo_reference_update(audit_id bigint)
returns jsonb
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
  e record;
  now_row record;
begin
  if not ((select media_references_private.is_admin()) or coalesce(auth.jwt() ->> 'role' = 'service_role', false)) then
    raise exception 'only an admin may undo a change' using errcode = '42501', detail = 'not_admin';
  end if;
  select l.row_id, l.old_row, l.new_row into e from media_references.audit_log l
   where l.id = audit_id and l.table_name = 'reference_images' and l.operation = 'UPDATE';
  if not found then
    raise exception 'audit entry % is not an update of a reference', audit_id
      using errcode = '22023', detail = 'not_a_reference_update';
  end if;
  select r.corrected_metadata, r.corrected_at into now_row
    from media_references.reference_images r where r.id = e.row_id;
  if not found
     or now_row.corrected_metadata is distinct from e.new_row -> 'corrected_metadata'
     or (e.new_row ? 'corrected_at'
         and now_row.corrected_at is distinct from (e.new_row ->> 'corrected_at')::timestamptz) then
    raise exception 'reference % changed after audit entry %: not undone', e.row_id, audit_id
      using errcode = '40001', detail = 'changed_since',
            hint = 'Look at its later audit entries and correct it by hand.';
  end if;
  update media_references.reference_images r
     set corrected_metadata = e.old_row -> 'corrected_metadata',
         corrected_at = coalesce((e.old_row ->> 'corrected_at')::timestamptz, r.corrected_at)
   where r.id = e.row_id;
  return jsonb_build_object('reference_id', e.row_id, 'corrected_metadata', e.old_row -> 'corrected_metadata');
end;
$$;
comment on function media_references.undo_reference_update(bigint) is
  'Admin: put back the values of one audited reference update, unless the reference changed since (ADR-0029).';
revoke execute on function media_references.undo_reference_update(bigint) from public, anon;
grant execute on function media_references.undo_reference_update(bigint) to authenticated, service_role;
