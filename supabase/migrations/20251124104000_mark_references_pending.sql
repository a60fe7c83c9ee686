-- Imported references whose values no person confirmed (IA's own, untouched entries) are marked
-- review_status 'pending', so matching (which reads only 'confirmed') ignores them until someone
-- reviews them. One RPC with the caller's rights: RLS ("Staff correct references") decides, as it
-- does for a direct update, and PostgREST deployments that serve no table updates can still call it.
create function media_references.mark_references_pending(reference_ids uuid[])
returns table (id uuid)
language sql
volatile
security invoker
set search_path = ''
as $$
  update media_references.reference_images
     set review_status = 'pending'
   where id = any(reference_ids)
  returning reference_images.id;
$$;

comment on function media_references.mark_references_pending(uuid[]) is
  'Marks references pending review (staff, through RLS); returns the ids it could mark.';

revoke execute on function media_references.mark_references_pending(uuid[]) from public, anon;
grant execute on function media_references.mark_references_pending(uuid[]) to authenticated, service_role;
