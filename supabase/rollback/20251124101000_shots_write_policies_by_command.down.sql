-- Rollback of 20251124101000_shots_write_policies_by_command: the one FOR ALL staff write policy
-- again, only where this migration split it.
begin;
do $merge$
declare
  staff constant text := 'exists (select 1 from public.user_profiles p '
                         'where p.id = (select auth.uid()) and p.role in (''admin'', ''employee''))';
begin
  if exists (select 1 from pg_policies where schemaname = 'public' and tablename = 'shots'
                                         and policyname = 'Staff add shots') then
    drop policy "Staff add shots" on public.shots;
    drop policy if exists "Staff change shots" on public.shots;
    drop policy if exists "Staff delete shots" on public.shots;
    execute format('create policy "Staff write shots" on public.shots for all to authenticated using (%s) with check (%s)',
                   staff, staff);
  end if;
end
$merge$;
commit;
