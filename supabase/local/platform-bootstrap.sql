-- What a Supabase project provides before any migration runs, for the embedded catalog
-- (PGlite) only: API roles, the auth schema and its helper functions, the storage schema, the
-- extensions schema, and Supabase's default grants on public. Never pushed to a real project.
-- Idempotent: the local server runs it again on an existing data dir before new migrations, so
-- a data dir made by an older version gains what was added here since.
do $roles$
begin
  if to_regrole('anon') is null then create role anon nologin noinherit; end if;
  if to_regrole('authenticated') is null then create role authenticated nologin noinherit; end if;
  if to_regrole('service_role') is null then create role service_role nologin noinherit bypassrls; end if;
  -- Supabase's login role for PostgREST and Storage: not a superuser, member of the API roles only.
  if to_regrole('authenticator') is null then create role authenticator noinherit login; end if;
end
$roles$;
grant anon, authenticated, service_role to authenticator;

create schema if not exists extensions;
grant usage on schema extensions to anon, authenticated, service_role;

create schema if not exists auth;
grant usage on schema auth to anon, authenticated, service_role;

create table if not exists auth.users (
  id uuid primary key default gen_random_uuid(),
  email text unique,
  raw_app_meta_data jsonb not null default '{}'::jsonb,
  raw_user_meta_data jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now()
);
-- GoTrue's columns the local sign-in uses (the hash is scrypt here, bcrypt on Supabase).
alter table auth.users add column if not exists encrypted_password text;
alter table auth.users add column if not exists last_sign_in_at timestamptz;
alter table auth.users add column if not exists updated_at timestamptz not null default now();

-- GoTrue's sessions and rotating refresh tokens; only the local server (superuser) touches them.
create table if not exists auth.sessions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create table if not exists auth.refresh_tokens (
  id bigserial primary key,
  -- sha-256 of the token: a stolen database copy holds no usable refresh token
  token_hash text not null unique,
  user_id uuid not null references auth.users (id) on delete cascade,
  session_id uuid not null references auth.sessions (id) on delete cascade,
  revoked boolean not null default false,
  parent_id bigint references auth.refresh_tokens (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
revoke all on auth.users, auth.sessions, auth.refresh_tokens from anon, authenticated, service_role;

-- As on Supabase: the claims PostgREST puts in request.jwt.claims for each request.
create or replace function auth.jwt() returns jsonb language sql stable as $$
  select coalesce(nullif(current_setting('request.jwt.claims', true), ''), '{}')::jsonb
$$;
create or replace function auth.uid() returns uuid language sql stable as $$
  select nullif(auth.jwt() ->> 'sub', '')::uuid
$$;
create or replace function auth.role() returns text language sql stable as $$
  select nullif(auth.jwt() ->> 'role', '')::text
$$;
grant execute on function auth.jwt(), auth.uid(), auth.role() to anon, authenticated, service_role;

-- Supabase Storage's schema: buckets and objects are rows, access is RLS on storage.objects.
create schema if not exists storage;
grant usage on schema storage to anon, authenticated, service_role;
create table if not exists storage.buckets (
  id text primary key,
  name text not null unique,
  owner uuid,
  owner_id text,
  public boolean not null default false,
  file_size_limit bigint,
  allowed_mime_types text[],
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create table if not exists storage.objects (
  id uuid primary key default gen_random_uuid(),
  bucket_id text references storage.buckets (id),
  name text,
  owner uuid,
  owner_id text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  last_accessed_at timestamptz not null default now(),
  metadata jsonb,
  path_tokens text[] generated always as (string_to_array(name, '/')) stored,
  version text,
  user_metadata jsonb,
  constraint bucketid_objname unique (bucket_id, name)
);
alter table storage.buckets enable row level security;
alter table storage.objects enable row level security;
grant all on storage.buckets, storage.objects to anon, authenticated, service_role;

-- Path helpers policies use: 'a/b/c.png' → folders {a,b}, file name 'c.png', extension 'png'.
create or replace function storage.foldername(name text) returns text[] language sql immutable as $$
  select (string_to_array(name, '/'))[1:cardinality(string_to_array(name, '/')) - 1]
$$;
create or replace function storage.filename(name text) returns text language sql immutable as $$
  select (string_to_array(name, '/'))[cardinality(string_to_array(name, '/'))]
$$;
create or replace function storage.extension(name text) returns text language sql immutable as $$
  select case when storage.filename(name) like '%.%'
              then regexp_replace(storage.filename(name), '^.*\.', '') else '' end
$$;
grant execute on function storage.foldername(text), storage.filename(text), storage.extension(text)
  to anon, authenticated, service_role;

-- Supabase grants the API roles everything in public and relies on RLS.
grant usage on schema public to anon, authenticated, service_role;
alter default privileges in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges in schema public grant all on functions to anon, authenticated, service_role;
alter default privileges in schema public grant all on sequences to anon, authenticated, service_role;

-- Local only, no Supabase counterpart. PGlite's one backend always runs as the bootstrap
-- superuser, so a SET ROLE/RESET ROLE reached from inside a request could return to it. Every
-- API request therefore runs its statement through one of these SECURITY DEFINER functions,
-- owned by the request's role: inside, current_user is that role and Postgres refuses any change
-- of role or session authorization ("cannot set parameter ... within security-definer function").
-- The statement's parameters arrive as text and are bound as quoted literals (format %L).
create schema if not exists local_gateway;
revoke all on schema local_gateway from public;
grant usage on schema local_gateway to authenticator;
do $gateway$
declare
  r text;
begin
  foreach r in array array['anon', 'authenticated', 'service_role'] loop
    execute format($f$
      create or replace function local_gateway.%1$I(statement text, params text[]) returns setof jsonb
      language plpgsql security definer set search_path = '' as $body$
      begin
        return query execute format('with r as (%%s) select to_jsonb(r) from r',
                                    format(statement, variadic params));
      end
      $body$$f$, 'run_as_' || r);
    execute format('alter function local_gateway.%I(text, text[]) owner to %I', 'run_as_' || r, r);
    execute format('revoke all on function local_gateway.%I(text, text[]) from public', 'run_as_' || r);
    execute format('grant execute on function local_gateway.%I(text, text[]) to authenticator', 'run_as_' || r);
  end loop;
end
$gateway$;
