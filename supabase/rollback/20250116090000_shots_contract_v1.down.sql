-- EAV rollback (run SECOND, after the IA rollback). Removes the contract marker and the trigger.
-- public.shots and public.user_profiles and their data are kept: they belong to EAV.
begin;
drop trigger if exists notify_shot_change_trigger on public.shots;
drop function if exists public.notify_shot_change();
comment on table public.shots is null;
commit;
