-- Rollback of 20251124103000_refuse_zero_embeddings: zero vectors are accepted again.
begin;
alter table media_references.image_embeddings drop constraint image_embeddings_not_zero;
create or replace function media_references_private.check_embedding(embedding extensions.vector)
returns extensions.vector(512)
language plpgsql
immutable
set search_path = ''
as $$
begin
  if embedding is null then
    raise exception 'embedding is required' using errcode = '22023', detail = 'invalid_embedding';
  end if;
  if extensions.vector_dims(embedding) <> 512 then
    raise exception 'embedding has % dimensions; CLIP ViT-B/32 embeddings have 512', extensions.vector_dims(embedding)
      using errcode = '22023', detail = 'invalid_embedding',
            hint = 'Embed with the catalog''s model version and send the 512-d vector.';
  end if;
  return embedding::extensions.vector(512);
end;
$$;
commit;
