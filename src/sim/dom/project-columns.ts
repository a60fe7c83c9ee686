// The Project panel's built-in columns: part of every item's project metadata without
// registration. Intrinsic ones are read from the media; the others an editor (or a script) may
// set. Names as Premiere writes them in premierePrivateProjectMetaData.
export const BUILT_IN_COLUMNS: Record<string, { label: string; writable: boolean }> = {
  "Column.Intrinsic.Name": { label: "Name", writable: true },
  "Column.Intrinsic.TapeName": { label: "Tape Name", writable: true },
  "Column.Intrinsic.LogNote": { label: "Log Note", writable: true },
  "Column.Intrinsic.FilePath": { label: "File Path", writable: false },
  "Column.Intrinsic.MediaType": { label: "Media Type", writable: false },
  "Column.Intrinsic.MediaTimebase": { label: "Frame Rate", writable: false },
  "Column.Intrinsic.MediaStart": { label: "Media Start", writable: false },
  "Column.Intrinsic.MediaEnd": { label: "Media End", writable: false },
  "Column.Intrinsic.MediaDuration": { label: "Media Duration", writable: false },
  "Column.Intrinsic.VideoInPoint": { label: "Video In Point", writable: false },
  "Column.Intrinsic.VideoOutPoint": { label: "Video Out Point", writable: false },
  "Column.Intrinsic.VideoDuration": { label: "Video Duration", writable: false },
  "Column.Intrinsic.VideoInfo": { label: "Video Info", writable: false },
  "Column.PropertyText.Description": { label: "Description", writable: true },
  "Column.PropertyText.Comment": { label: "Comment", writable: true },
  "Column.PropertyText.Scene": { label: "Scene", writable: true },
  "Column.PropertyText.Shot": { label: "Shot", writable: true },
  "Column.PropertyText.Label": { label: "Label", writable: true },
  "Column.PropertyBool.Good": { label: "Good", writable: true },
};
