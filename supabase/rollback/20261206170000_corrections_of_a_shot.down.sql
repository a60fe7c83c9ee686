-- Rollback of 20261206170000_corrections_of_a_shot: the two staff functions go, match_references
-- answers as it did before, and corrected_at with its trigger goes (the audit log keeps its entries).
begin;
drop function if exists media_references.undo_reference_update(bigint);
drop function if exists media_references.update_older_references(uuid, text[], boolean);
drop function if exists media_references.match_references(extensions.vector, integer, text, text, text);
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
revoke execute on function media_references.match_references(extensions.vector, integer, text, text, text) from public;
grant execute on function media_references.match_references(extensions.vector, integer, text, text, text)
  to anon, authenticated, service_role;
drop view if exists media_references.reference_images_with_shot;
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
drop trigger if exists reference_images_stamp_correction on media_references.reference_images;
drop function if exists media_references_private.stamp_correction();
alter table media_references.reference_images drop column if exists corrected_at;
commit;
