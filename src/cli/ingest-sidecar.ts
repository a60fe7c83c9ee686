// Reading IA's per-folder source of truth, .ingest-metadata.json (FACTS.md §1): root keys
// "_schema": "2.0" and "_completed", then one entry per file name. Entries are checked against
// the IA metadata rules; a bad entry is reported, never fatal.
import fs from "node:fs";
import path from "node:path";
import { metadataProblem, type IaMetadata } from "../shared/metadata/ia-metadata";

export const SIDECAR = ".ingest-metadata.json";

export interface SidecarEntry {
  file: string;
  metadata: IaMetadata;
  /** what IA's vision model said first, when the sidecar keeps it */
  original?: unknown;
}

export interface SidecarRead {
  entries: SidecarEntry[];
  problems: Array<{ file: string; problem: string }>;
}

const IA_FIELDS = [
  "location",
  "subject",
  "action",
  "shotType",
  "shotNumber",
  "keywords",
  "lockedFields",
  "cameraId",
] as const;

export function readSidecar(folder: string): SidecarRead {
  const file = path.join(folder, SIDECAR);
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new Error(`cannot read ${file}: ${(e as Error).message}`);
  }
  if (json._schema !== "2.0")
    throw new Error(`${file}: _schema is ${JSON.stringify(json._schema)}, this importer reads "2.0"`);
  const entries: SidecarEntry[] = [];
  const problems: SidecarRead["problems"] = [];
  for (const [name, value] of Object.entries(json)) {
    if (name.startsWith("_")) continue;
    if (!value || typeof value !== "object") {
      problems.push({ file: name, problem: "entry is not an object" });
      continue;
    }
    const raw = value as Record<string, unknown>;
    // keep the IA fields; audit fields (reviewer, timestamps, model output) are not metadata
    const metadata = Object.fromEntries(
      IA_FIELDS.filter((k) => raw[k] !== undefined && raw[k] !== "").map((k) => [k, raw[k]]),
    );
    const problem = metadataProblem(metadata);
    if (problem) problems.push({ file: name, problem });
    else
      entries.push({
        file: name,
        metadata: metadata as unknown as IaMetadata,
        original: raw.originalCatalog ?? raw.aiMetadata,
      });
  }
  return { entries, problems };
}
