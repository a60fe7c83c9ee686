-- Thumbnails of references in Supabase Storage (issue 11 §4): the bucket and its policies.
-- Applies unchanged on a Supabase project, whose storage schema exists before migrations (the
-- local catalog gets the same tables from supabase/local/platform-bootstrap.sql).
--
-- Reads follow the catalog's read rule ("Anyone reads references": anon and authenticated), so
-- the bucket is public and thumbnail_url can be a public URL. Writes are staff only: the same
-- rule as media_references.is_staff() (user_profiles.role or app_metadata.role), written out
-- here so the policies do not depend on where that helper lives. The service role bypasses RLS.

insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values ('reference-thumbnails', 'reference-thumbnails', true, 2097152,
        array['image/jpeg', 'image/png', 'image/webp'])
on conflict (id) do update
  set public = excluded.public,
      file_size_limit = excluded.file_size_limit,
      allowed_mime_types = excluded.allowed_mime_types;

create policy "Anyone reads reference thumbnails" on storage.objects for select to anon, authenticated
  using (bucket_id = 'reference-thumbnails');

-- One staff rule for the three write commands (one policy per command, none overlapping the read
-- policy: Supabase's linter flags multiple permissive policies). For UPDATE, USING also checks
-- the new row when WITH CHECK is absent.
do $staff_writes$
declare
  staff constant text := $rule$
    bucket_id = 'reference-thumbnails'
    and (
      coalesce(((select auth.jwt()) -> 'app_metadata' ->> 'role') in ('admin', 'employee'), false)
      or exists (select 1 from public.user_profiles p
                 where p.id = (select auth.uid()) and p.role in ('admin', 'employee'))
    )$rule$;
begin
  execute format('create policy "Staff upload reference thumbnails" on storage.objects
                    for insert to authenticated with check (%s)', staff);
  execute format('create policy "Staff replace reference thumbnails" on storage.objects
                    for update to authenticated using (%s)', staff);
  execute format('create policy "Staff delete reference thumbnails" on storage.objects
                    for delete to authenticated using (%s)', staff);
end
$staff_writes$;
