// The error shape that crosses the bridge. Plain data so that ExtendScript can build it too.
// (This file is compiled into the ES3 host bundle: keep it free of ES5+ runtime calls.)

export type HostErrorCode =
  | "UNKNOWN_FUNCTION" // the panel asked for a host function that does not exist
  | "INVALID_ARGUMENTS" // arguments failed the contract's validation
  | "NO_PROJECT" // Premiere has no open project
  | "NOT_FOUND" // an item id that is not (or no longer) in the project
  | "NOT_A_CLIP" // a bin or sequence where a clip with media was needed
  | "MEDIA_OFFLINE" // the clip's media file is missing: relink it in Premiere
  | "NO_SEQUENCE" // no sequence is open in the Timeline
  | "NO_SELECTION" // nothing is selected where the call looks (Project panel, timeline)
  | "NO_CLIP_AT_PLAYHEAD" // no enabled video clip under the playhead
  | "METADATA_FAILED" // Premiere refused the metadata write
  | "EXPORT_FAILED" // Premiere could not export a frame
  | "EXPORT_TIMEOUT" // Premiere accepted an export but no file appeared in time
  | "IMPORT_FAILED" // Premiere did not import a file (the self-check's sample)
  | "HOST_EXCEPTION" // ExtendScript threw
  | "EVAL_FAILED" // CEP's evalScript answered "EvalScript error." (the script itself broke)
  | "BAD_RESPONSE" // the host answered something that is not our envelope
  | "TRANSPORT"; // the call never reached a host

export interface HostErrorPayload {
  code: HostErrorCode;
  message: string;
  /** the host function that failed */
  fn: string;
  /** ExtendScript line number, when the host knows it */
  line?: number;
  file?: string;
}

export type HostEnvelope<T> = { ok: true; value: T } | { ok: false; error: HostErrorPayload };
