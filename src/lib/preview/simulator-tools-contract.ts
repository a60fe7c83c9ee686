// What the preview server's simulator endpoints answer (src/server/preview/sim-tools-routes.ts)
// and the simulator tools show (src/panel/views/simulator): types only.

export interface ProjectRow {
  id: string;
  name: string;
  kind: "bin" | "clip" | "sequence";
  /** 0 for the items at the project's root */
  depth: number;
  offline: boolean;
  selected: boolean;
}

export interface TimelineRow {
  id: string;
  name: string;
  track: string;
  /** seconds from the sequence's start */
  start: number;
  selected: boolean;
}

export interface EditorView {
  project: ProjectRow[];
  sequence: { name: string; clips: TimelineRow[] } | null;
}

export interface MetadataField {
  label: string;
  value: string;
}

export interface ItemMetadata {
  name: string;
  path: string;
  offline: boolean;
  /** the XMP fields IA reads and writes, labelled as Premiere's Metadata panel labels them */
  xmp: MetadataField[];
  /** the Project panel's columns that have a value, and every registered column */
  columns: MetadataField[];
}

export interface SimState extends EditorView {
  /** null when this preview has no catalog the tools can stop */
  catalog: "running" | "stopped" | null;
}
