export type EmbeddingErrorCode =
  | "MODEL_UNAVAILABLE" // no source reachable: hub offline, folder missing
  | "MODEL_INCOMPLETE" // a folder without one of the files CLIP needs
  | "IMAGE_UNREADABLE" // empty or corrupt image data
  | "IMAGE_UNSUPPORTED" // a format this runtime cannot decode (e.g. TIFF in Chromium)
  | "INFERENCE_FAILED"
  | "BACKEND_UNAVAILABLE"; // this inference path cannot run here (no Node, missing or refused binary, no WASM)

/** A failure with what was wrong and what to do about it. */
export class EmbeddingError extends Error {
  constructor(
    readonly code: EmbeddingErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "EmbeddingError";
  }
}
