// Words the host and the panel both show an editor, written once.

/** A clip whose media file is missing. */
export function mediaOfflineMessage(clipName: string): string {
  return "'" + clipName + "' is offline: its media file is missing. Relink it in Premiere, then try again.";
}
