-- EAV contract v1 (runs FIRST). Establishes what the IA reference catalog may rely on:
--   public.shots with EAV's real columns, the contract marker, a change-notification trigger,
--   and the staff role source public.user_profiles(role).
-- On the EAV project these tables already exist with EAV's own RLS: everything that creates a
-- table or a policy runs only where the table is absent, so EAV's data and policies are untouched.

-- The staff role source comes first: the shots policies below read it.
do $profiles$
begin
  if to_regclass('public.user_profiles') is null then
    create table public.user_profiles (
      id uuid primary key references auth.users (id) on delete cascade,
      role text not null default 'client' check (role in ('admin', 'employee', 'client')),
      display_name text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    alter table public.user_profiles enable row level security;
    -- Users see their own profile; nobody edits their own role through the API.
    create policy "Read own profile" on public.user_profiles for select to authenticated
      using (id = (select auth.uid()));
    revoke insert, update, delete on public.user_profiles from anon, authenticated;
  end if;
end
$profiles$;

do $contract$
begin
  if to_regclass('public.shots') is null then
    create table public.shots (
      id uuid primary key default gen_random_uuid(),
      scene_id uuid,
      shot_number integer,
      subject text,
      action text,
      shot_type text,
      variant text,
      location_start_point text,
      location_other text,
      subject_other text,
      owner_user_id uuid,
      movement_type text check (movement_type in ('Tracking', 'Establishing', 'Standard', 'Photos')),
      shot_status text not null default 'no_work' check (shot_status in ('no_work', '1st_take', '2nd_take')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index shots_scene_id_idx on public.shots (scene_id);
    alter table public.shots enable row level security;
    revoke all on public.shots from anon;
    -- EAV: staff only, never clients or anon.
    create policy "Staff read shots" on public.shots for select to authenticated
      using (exists (select 1 from public.user_profiles p where p.id = (select auth.uid()) and p.role in ('admin', 'employee')));
    create policy "Staff write shots" on public.shots for all to authenticated
      using (exists (select 1 from public.user_profiles p where p.id = (select auth.uid()) and p.role in ('admin', 'employee')))
      with check (exists (select 1 from public.user_profiles p where p.id = (select auth.uid()) and p.role in ('admin', 'employee')));
  end if;
end
$contract$;

-- Contract columns the catalog depends on: fail loudly if an existing shots table lacks one.
do $check$
declare
  missing text;
begin
  select string_agg(c, ', ') into missing
  from unnest(array['id', 'scene_id', 'shot_number', 'subject', 'action', 'shot_type', 'variant',
                    'movement_type', 'shot_status', 'created_at', 'updated_at']) as c
  where not exists (
    select 1 from information_schema.columns
    where table_schema = 'public' and table_name = 'shots' and column_name = c);
  if missing is not null then
    raise exception 'public.shots does not meet EAV_CONTRACT:v1: missing column(s) %', missing
      using hint = 'EAV renamed tracking_type to movement_type; apply that EAV migration first.';
  end if;
end
$check$;

comment on table public.shots is
  'EAV_CONTRACT:v1 — authoritative planned shots. media_references.shot_references points here (ON DELETE RESTRICT): check media_references.shot_reference_count(id) before deleting a shot.';

create or replace function public.notify_shot_change()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  perform pg_notify(
    'shot_change',
    json_build_object('operation', tg_op, 'id', coalesce(new.id, old.id))::text
  );
  return coalesce(new, old);
end;
$$;

revoke execute on function public.notify_shot_change() from public, anon, authenticated;

drop trigger if exists notify_shot_change_trigger on public.shots;
create trigger notify_shot_change_trigger
  after insert or update or delete on public.shots
  for each row execute function public.notify_shot_change();
