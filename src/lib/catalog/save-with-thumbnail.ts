// A save as the outbox keeps it: the reference, plus its thumbnail until the upload succeeds. The
// upload goes first under the reference's own id (a retry overwrites it), then save_reference
// with its URL, so a reference never points at a thumbnail that is not there.
import type { CatalogClient, SaveReferenceInput, SavedReference } from "./catalog-client";

export type SaveWithThumbnail = SaveReferenceInput & { thumbnailJpegBase64?: string };

export function base64ToBlob(base64: string, type: string): Blob {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return new Blob([bytes], { type });
}

export async function saveWithThumbnail(catalog: CatalogClient, input: SaveWithThumbnail): Promise<SavedReference> {
  const { thumbnailJpegBase64, ...save } = input;
  const thumbnailUrl =
    save.thumbnailUrl ??
    (thumbnailJpegBase64
      ? await catalog.uploadThumbnail(save.referenceId, base64ToBlob(thumbnailJpegBase64, "image/jpeg"))
      : null);
  return catalog.saveReference({ ...save, thumbnailUrl });
}
