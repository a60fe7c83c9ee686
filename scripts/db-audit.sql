-- The reference catalog's FK audit (issue 13 §8; the cross-schema issue's quarterly FK audit).
-- One row per finding, no rows when all is well. Read-only. Run it as a role that bypasses RLS
-- (postgres), or the data checks see only what RLS shows. docs/admin.md says how to schedule it:
--   npm run db:audit                                   (the embedded catalog)
--   psql "$DB_URL" -X -A -t -F ' | ' -f scripts/db-audit.sql   (any Postgres, e.g. a Supabase project)
with catalog as (
  select oid from pg_namespace where nspname = 'media_references'
),
fk as (
  select c.* from pg_constraint c
  where c.conname = 'fk_shot_id' and c.conrelid = to_regclass('media_references.shot_references')
    and c.contype = 'f' and c.confrelid = to_regclass('public.shots')
)
select 'cross_schema_fk' as check_name,
       'media_references.shot_references has no foreign key fk_shot_id to public.shots' as finding
where not exists (select 1 from fk)
union all
select 'fk_on_delete_restrict',
       format('fk_shot_id is ON DELETE %s, not RESTRICT',
              case confdeltype when 'a' then 'NO ACTION' when 'c' then 'CASCADE' when 'n' then 'SET NULL'
                               else 'SET DEFAULT' end)
from fk where confdeltype <> 'r'
union all
select 'fk_validated', 'fk_shot_id is NOT VALID: rows older than the constraint were never checked'
from fk where not convalidated
union all
select 'contract_marker', 'public.shots has no EAV_CONTRACT:v1 marker in its comment'
where coalesce(obj_description(to_regclass('public.shots'), 'pg_class'), '') not like 'EAV_CONTRACT:v1%'
union all
select 'fk_index', format('foreign key %s on %s has no index leading with its columns', c.conname, c.conrelid::regclass)
from pg_constraint c
where c.contype = 'f' and c.connamespace in (select oid from catalog)
  and not exists (
    select 1 from pg_index i
    where i.indrelid = c.conrelid
      and (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(c.conkey)] @> c.conkey
      and (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(c.conkey)] <@ c.conkey)
union all
select 'orphan_link', format('reference %s links to shot %s, which is not in public.shots', sr.reference_image_id, sr.shot_id)
from media_references.shot_references sr
where not exists (select 1 from public.shots s where s.id = sr.shot_id)
union all
select 'reference_without_embedding', format('reference %s has no embedding of a registered model', r.id)
from media_references.reference_images r
where not exists (
  select 1 from media_references.image_embeddings e
  join media_references.embedding_models m on m.model_version = e.model_version
  where e.reference_image_id = r.id)
union all
select 'rls_disabled', format('row level security is off on %s', c.oid::regclass)
from pg_class c
where c.relnamespace in (select oid from catalog) and c.relkind in ('r', 'p') and not c.relrowsecurity
union all
select 'curated_view_security_invoker', 'media_references.reference_images_with_shot is missing'
where to_regclass('media_references.reference_images_with_shot') is null
union all
select 'curated_view_security_invoker', format('%s runs with its owner''s rights: set security_invoker = true', c.oid::regclass)
from pg_class c
where c.relnamespace in (select oid from catalog) and c.relkind = 'v'
  and not exists (select 1 from unnest(coalesce(c.reloptions, '{}')) o
                  where lower(o) in ('security_invoker=true', 'security_invoker=on', 'security_invoker=1'))
order by 1, 2
