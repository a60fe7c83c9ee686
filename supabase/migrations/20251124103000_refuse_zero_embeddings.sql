-- Zero embeddings are refused (issue 13 §4). An all-zero vector has no direction: its cosine
-- distance to anything is undefined, and matches against it came back with similarity null.
-- Non-finite values never get this far: pgvector's input refuses NaN and Infinity (22000).
-- The client refuses the same vectors with the same message (src/lib/catalog/catalog-client.ts).

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
  if extensions.vector_norm(embedding) = 0 then
    raise exception 'embedding is all zeros: a zero vector has no direction to compare'
      using errcode = '22023', detail = 'invalid_embedding',
            hint = 'The image encoder never returns one; check the frame and the encoder''s output.';
  end if;
  return embedding::extensions.vector(512);
end;
$$;

-- The same rule for writes that bypass save_reference.
alter table media_references.image_embeddings add constraint image_embeddings_not_zero
  check (extensions.vector_norm(embedding) > 0);
