// A reference's thumbnail: the clip's first frame as a JPEG about 320 px wide (or `width`: the
// queue's own small picture of a clip).
export async function jpegThumbnail(frame: Blob, quality = 0.82, width = 320): Promise<Blob> {
  const bitmap = await createImageBitmap(frame);
  const scale = Math.min(1, width / bitmap.width);
  const canvas = document.createElement("canvas");
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  canvas.getContext("2d")!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (b) => (b ? resolve(b) : reject(new Error("the frame could not be encoded as JPEG"))),
      "image/jpeg",
      quality,
    ),
  );
}
