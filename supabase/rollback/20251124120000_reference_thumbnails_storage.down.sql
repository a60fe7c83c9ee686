-- Thumbnails rollback (run before the IA rollback). Drops the bucket's policies; the bucket row
-- goes only when it is empty (Supabase refuses deleting object rows in SQL: empty it through the
-- Storage API first), so no thumbnail is lost by a rollback.
begin;
drop policy if exists "Anyone reads reference thumbnails" on storage.objects;
drop policy if exists "Staff upload reference thumbnails" on storage.objects;
drop policy if exists "Staff replace reference thumbnails" on storage.objects;
drop policy if exists "Staff delete reference thumbnails" on storage.objects;
delete from storage.buckets b
where b.id = 'reference-thumbnails'
  and not exists (select 1 from storage.objects o where o.bucket_id = b.id);
commit;
