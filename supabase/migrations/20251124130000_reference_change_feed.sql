-- A change feed of the catalog per model version, for the panel's offline copy (issue 15 §2,
-- docs/adr/0018). One row per reference that ever existed: the transaction that last touched it
-- (the reference, its embeddings or its shot link), kept after a delete as its tombstone.
--
-- The cursor is a transaction id boundary, not a clock: "every transaction below it has ended".
-- It is pg_snapshot_xmin of the reader's snapshot, so a transaction still running when a client
-- syncs has an id at or above the cursor and is read by the next sync whatever order transactions
-- commit in (updated_at would skip rows under clock skew and out-of-order commits; a plain sequence
-- would skip rows of a transaction that commits after a later one was read).

create table media_references.reference_changes (
  reference_id uuid primary key, -- no foreign key: a deleted reference keeps its row (tombstone)
  change_xid xid8 not null default pg_current_xact_id(),
  changed_at timestamptz not null default now()
);
comment on table media_references.reference_changes is
  'The last transaction that changed each reference (or deleted it): read through reference_changes_since.';
create index reference_changes_xid_idx on media_references.reference_changes (change_xid);

-- Readable as the references themselves are ("Anyone reads references"); written by triggers only.
alter table media_references.reference_changes enable row level security;
create policy "Anyone reads reference changes" on media_references.reference_changes
  for select to anon, authenticated using (true);
grant select on media_references.reference_changes to anon, authenticated;
grant all on media_references.reference_changes to service_role;

-- Definer, like write_audit: writers need no rights on the change table; nobody may call it.
create function media_references_private.note_reference_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  row_json jsonb := to_jsonb(coalesce(new, old));
  changed uuid := coalesce((row_json ->> 'reference_image_id')::uuid, (row_json ->> 'id')::uuid);
begin
  insert into media_references.reference_changes as c (reference_id, change_xid, changed_at)
  values (changed, pg_current_xact_id(), now())
  on conflict (reference_id) do update set change_xid = excluded.change_xid, changed_at = excluded.changed_at;
  return null;
end;
$$;
revoke execute on function media_references_private.note_reference_change() from public, anon, authenticated;

create trigger reference_images_note_change after insert or update or delete on media_references.reference_images
  for each row execute function media_references_private.note_reference_change();
create trigger image_embeddings_note_change after insert or update or delete on media_references.image_embeddings
  for each row execute function media_references_private.note_reference_change();
create trigger shot_references_note_change after insert or update or delete on media_references.shot_references
  for each row execute function media_references_private.note_reference_change();

-- References that exist before this migration are all "changed" once, so a first sync sees them.
insert into media_references.reference_changes (reference_id) select id from media_references.reference_images;

-- The cursor to read up to now (exclusive). Taken before the pages it bounds are read.
create function media_references.reference_change_cursor()
returns text
language sql
stable
security invoker
set search_path = ''
as $$
  select pg_snapshot_xmin(pg_current_snapshot())::text;
$$;

-- One page of the references changed in [since, until): each with its current state for one model
-- version, or present = false when the copy must drop it (deleted, no longer confirmed — matching
-- reads only confirmed references — or without an embedding of this model version).
-- The embedding travels as base64 of pgvector's binary form (vector_send: int16 dimensions,
-- int16 unused, then big-endian float4s): a tenth of the time of its text form, half the bytes.
-- Runs with the caller's rights: RLS on the references decides what a caller sees.
create function media_references.reference_changes_since(
  model_version text,
  until_cursor text,
  since_cursor text default null,
  after_reference uuid default null,
  max_rows integer default 1000
)
returns table (reference_id uuid, present boolean, file_path text, corrected_metadata jsonb,
               thumbnail_url text, shot_id uuid, embedding_base64 text)
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  -- resolved here, not by resolve_model_version: anon has no usage on media_references_private
  if not exists (select 1 from media_references.embedding_models m where m.model_version = $1) then
    raise exception 'unknown model version "%"', model_version
      using errcode = '22023', detail = 'unknown_model_version',
            hint = 'Known: ' || (select string_agg(m.model_version, ', ') from media_references.embedding_models m);
  end if;
  if until_cursor is null then
    raise exception 'until_cursor is required: take it from reference_change_cursor() before the first page'
      using errcode = '22023', detail = 'invalid_cursor';
  end if;
  if max_rows is null or max_rows < 1 or max_rows > 5000 then
    raise exception 'max_rows must be between 1 and 5000, got %', max_rows
      using errcode = '22023', detail = 'invalid_max_rows';
  end if;
  return query
  select c.reference_id, e.embedding is not null, r.file_path, r.corrected_metadata, r.thumbnail_url,
         sr.shot_id, translate(encode(extensions.vector_send(e.embedding), 'base64'), E'\n', '')
  from media_references.reference_changes c
  left join media_references.reference_images r on r.id = c.reference_id and r.review_status = 'confirmed'
  left join media_references.image_embeddings e on e.reference_image_id = r.id and e.model_version = $1
  left join media_references.shot_references sr on sr.reference_image_id = r.id
  where c.change_xid < until_cursor::xid8
    and (since_cursor is null or c.change_xid >= since_cursor::xid8)
    and (after_reference is null or c.reference_id > after_reference)
  order by c.reference_id
  limit max_rows;
end;
$$;

comment on function media_references.reference_changes_since(text, text, text, uuid, integer) is
  'The offline copy''s incremental sync: references changed between two cursors, present or to drop.';

revoke execute on function media_references.reference_change_cursor(),
  media_references.reference_changes_since(text, text, text, uuid, integer) from public;
grant execute on function media_references.reference_change_cursor(),
  media_references.reference_changes_since(text, text, text, uuid, integer) to anon, authenticated, service_role;
