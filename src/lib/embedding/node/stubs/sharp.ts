// The native encoder thread never decodes images (the page sends pixels), so transformers.js's
// sharp import gets this instead of a second native binary in the ZXP.
export default function sharp(): never {
  throw new Error("sharp is not shipped with the panel: frames are decoded by the page");
}
