drop function if exists media_references.mark_references_pending(uuid[]);
