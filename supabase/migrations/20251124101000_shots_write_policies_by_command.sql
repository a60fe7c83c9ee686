-- EAV contract: the staff write policy on public.shots, split by command (issue 13 §6).
-- The contract migration created one FOR ALL policy, which overlaps "Staff read shots" on SELECT
-- (Supabase linter 0006 multiple_permissive_policies). Only that policy is replaced: where EAV's
-- own public.shots existed, the contract created no policy and EAV's policies stay as they are.
do $split$
declare
  staff constant text := 'exists (select 1 from public.user_profiles p '
                         'where p.id = (select auth.uid()) and p.role in (''admin'', ''employee''))';
begin
  if exists (select 1 from pg_policies where schemaname = 'public' and tablename = 'shots'
                                         and policyname = 'Staff write shots' and cmd = 'ALL') then
    drop policy "Staff write shots" on public.shots;
    execute format('create policy "Staff add shots" on public.shots for insert to authenticated with check (%s)', staff);
    execute format('create policy "Staff change shots" on public.shots for update to authenticated using (%s) with check (%s)',
                   staff, staff);
    execute format('create policy "Staff delete shots" on public.shots for delete to authenticated using (%s)', staff);
  end if;
end
$split$;
