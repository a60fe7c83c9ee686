-- Change feed rollback: the feed functions, the triggers that fill it and its table.
begin;
drop function if exists media_references.reference_changes_since(text, text, text, uuid, integer);
drop function if exists media_references.reference_change_cursor();
drop trigger if exists reference_images_note_change on media_references.reference_images;
drop trigger if exists image_embeddings_note_change on media_references.image_embeddings;
drop trigger if exists shot_references_note_change on media_references.shot_references;
drop function if exists media_references_private.note_reference_change();
drop table if exists media_references.reference_changes;
commit;
