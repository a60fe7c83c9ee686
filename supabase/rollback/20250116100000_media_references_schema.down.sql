-- IA rollback (run FIRST). Removes the reference catalog; public.shots and its data stay.
begin;
alter table if exists media_references.shot_references drop constraint if exists fk_shot_id;
drop schema if exists media_references cascade;
commit;
