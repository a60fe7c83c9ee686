// A save as the outbox keeps it: the reference, plus its thumbnail until the upload succeeds. The
// upload goes first under the reference's own id (a retry overwrites it), then save_reference
// with its URL, so a reference never points at a thumbnail that is not there.
import { base64ToBytes } from "../encoding/base64";
import type { Catalog } from "./catalog";
import type { SaveReferenceInput, SavedReference } from "./catalog-client";

export type SaveWithThumbnail = SaveReferenceInput & { thumbnailJpegBase64?: string };

export async function saveWithThumbnail(
  catalog: Pick<Catalog, "uploadThumbnail" | "saveReference">,
  input: SaveWithThumbnail,
): Promise<SavedReference> {
  const { thumbnailJpegBase64, ...save } = input;
  const thumbnailUrl =
    save.thumbnailUrl ??
    (thumbnailJpegBase64
      ? await catalog.uploadThumbnail(
          save.referenceId,
          new Blob([base64ToBytes(thumbnailJpegBase64)], { type: "image/jpeg" }),
        )
      : null);
  return catalog.saveReference({ ...save, thumbnailUrl });
}
