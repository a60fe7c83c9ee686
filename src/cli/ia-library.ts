// Reads a folder the way Ingest Assistant writes it (docs/facts/ia-contract.md): IA's `.ingest-metadata.json`
// (entries keyed by the file's id, the media named by `currentFilename`) and, when IA's earlier
// Premiere panel left one, the human corrections in `.ingest-metadata-pp.json` (same shape and
// keys). Each entry pairs what IA said with what a person confirmed. Shared by the bulk import
// and the evaluation, so both read libraries alike. Bad entries are reported, never fatal.
import fs from "node:fs";
import path from "node:path";
import { realPathInside, relativeNameProblem } from "../lib/files/node/inside-folder";
import { LOCKABLE_FIELDS, metadataProblem, type IaMetadata } from "../shared/metadata/ia-metadata";

export const IA_SIDECAR = ".ingest-metadata.json";
export const CORRECTIONS_SIDECAR = ".ingest-metadata-pp.json";
const SCHEMAS = ["1.0", "2.0"];
const VIDEO = /\.(mp4|mov|mxf|m4v|avi|mts|m2ts|mkv|webm|r3d|braw|crm)$/i;

/** One entry of IA's sidecar as IA's FileMetadata type has it; other keys are kept as they are. */
export interface IaEntry {
  id?: string;
  originalFilename?: string;
  currentFilename?: string;
  filePath?: string;
  fileType?: string;
  cameraId?: string;
  shotNumber?: number;
  shotName?: string;
  keywords?: string[];
  lockedFields?: string[];
  location?: string;
  subject?: string;
  action?: string;
  shotType?: string;
  createdBy?: string;
  modifiedBy?: string;
  modifiedAt?: string;
  [key: string]: unknown;
}

export interface LibraryValues {
  /** the entry as its sidecar holds it */
  entry: IaEntry;
  /** the values in the catalog's corrected_metadata shape, when they pass its rules */
  metadata: IaMetadata | null;
  /** why `metadata` is null */
  problem: string | null;
}

export interface LibraryEntry {
  /** the sidecar key: the file's id (the camera clip id, e.g. EB001559) */
  id: string;
  /** the library folder the entry's media must be in (its media is read only from inside it) */
  folder: string;
  /** the media file in the folder, or null when no name the entry gives is there or one is refused */
  mediaPath: string | null;
  /** the file names looked for, in order: currentFilename, then originalFilename */
  triedNames: string[];
  /** why the entry's media cannot be used although a name was given (it points outside the folder) */
  refused?: string;
  fileType: "image" | "video";
  /** what IA said; null for an entry only the corrections file has */
  ia: LibraryValues | null;
  /** what a person set in IA's earlier panel, when they changed this entry */
  corrected?: LibraryValues;
}

export interface LibraryRead {
  folder: string;
  schema: string;
  entries: LibraryEntry[];
  /** things the reader worked around (an outdated schema, unreadable corrections) */
  warnings: string[];
}

/** Fields that, when they differ from IA's, mean a person touched the entry. */
const COMPARED = [...LOCKABLE_FIELDS, "lockedFields", "cameraId", "modifiedAt"];

function readJson(file: string): Record<string, unknown> {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new Error(`cannot read ${file}: ${(e as Error).message}`, { cause: e });
  }
  if (!json || typeof json !== "object" || Array.isArray(json)) throw new Error(`${file} is not a JSON object`);
  return json as Record<string, unknown>;
}

function entriesOf(json: Record<string, unknown>): Map<string, IaEntry> {
  const out = new Map<string, IaEntry>();
  for (const [key, value] of Object.entries(json)) {
    if (key.startsWith("_")) continue;
    out.set(key, value && typeof value === "object" && !Array.isArray(value) ? (value as IaEntry) : {});
  }
  return out;
}

const text = (v: unknown) => (typeof v === "string" && v.trim() ? v : undefined);

/**
 * An entry's values in the catalog's corrected_metadata shape. `source` records which system set
 * them (IA's modifiedBy/createdBy: ingest-assistant, cep-panel, manual); `reviewedAt` the time a
 * person's correction was made.
 */
export function catalogMetadata(entry: IaEntry, corrected: boolean): LibraryValues {
  const m: Record<string, unknown> = {
    location: text(entry.location),
    subject: text(entry.subject),
    action: text(entry.action),
    shotType: text(entry.shotType),
    shotNumber: typeof entry.shotNumber === "number" && entry.shotNumber > 0 ? entry.shotNumber : undefined,
    keywords: Array.isArray(entry.keywords) ? entry.keywords : undefined,
    lockedFields: Array.isArray(entry.lockedFields)
      ? entry.lockedFields.filter((f) => (LOCKABLE_FIELDS as readonly string[]).includes(f))
      : undefined,
    cameraId: text(entry.cameraId),
    source: text(entry.modifiedBy) ?? text(entry.createdBy),
    reviewedAt: corrected ? text(entry.modifiedAt) : undefined,
  };
  for (const key of Object.keys(m)) if (m[key] === undefined) delete m[key];
  const problem = metadataProblem(m);
  return { entry, metadata: problem ? null : (m as unknown as IaMetadata), problem };
}

function touched(ia: IaEntry | undefined, pp: IaEntry): boolean {
  if (!ia) return true;
  return COMPARED.some((k) => JSON.stringify(ia[k] ?? null) !== JSON.stringify(pp[k] ?? null));
}

type FoundMedia = Pick<LibraryEntry, "mediaPath" | "triedNames" | "refused">;

/** The entry's media file, only ever inside the folder: a name that climbs out of it, or that
 * resolves outside it once symlinks are followed, refuses the entry (a sidecar is someone else's
 * text; its media path and thumbnail would be published). */
function findMedia(folder: string, entry: IaEntry, id: string): FoundMedia {
  const names = [text(entry.currentFilename), text(entry.originalFilename)].filter((n): n is string => !!n);
  // sidecars older than IA's FileMetadata keyed entries by file name
  if (names.length === 0) names.push(id);
  const triedNames = [...new Set(names)];
  for (const name of triedNames) {
    const problem = relativeNameProblem(name);
    if (problem) return { mediaPath: null, triedNames, refused: `the media name "${name}" is refused: ${problem}` };
    const candidate = path.join(folder, name);
    if (!fs.existsSync(candidate)) continue;
    if (!realPathInside(candidate, [folder]) || fs.realpathSync(candidate) === fs.realpathSync(folder)) {
      const real = fs.realpathSync(candidate);
      return { mediaPath: null, triedNames, refused: `"${name}" leads outside the folder (to ${real}): refused` };
    }
    return { mediaPath: candidate, triedNames };
  }
  return { mediaPath: null, triedNames };
}

/** Reads one library folder; throws only when IA's sidecar itself is missing or unreadable. */
export function readIaLibrary(folder: string): LibraryRead {
  const iaFile = path.join(folder, IA_SIDECAR);
  const json = readJson(iaFile);
  // IA's MetadataStore reads a file without _schema as 1.0
  const schema = json._schema === undefined ? "1.0" : String(json._schema);
  if (!SCHEMAS.includes(schema)) {
    throw new Error(
      `${iaFile}: _schema is ${JSON.stringify(json._schema)}, this reader knows ${SCHEMAS.join(" and ")}`,
    );
  }
  const warnings: string[] = [];
  if (schema === "1.0") warnings.push(`${iaFile}: schema 1.0 (outdated in IA, no keywords): read without keywords`);

  let corrections = new Map<string, IaEntry>();
  const ppFile = path.join(folder, CORRECTIONS_SIDECAR);
  if (fs.existsSync(ppFile)) {
    try {
      corrections = entriesOf(readJson(ppFile));
    } catch (e) {
      warnings.push(`${(e as Error).message}: corrections ignored, IA's values used`);
    }
  }

  const iaEntries = entriesOf(json);
  const ids = [...new Set([...iaEntries.keys(), ...corrections.keys()])];
  const entries = ids.map((id): LibraryEntry => {
    const ia = iaEntries.get(id);
    const pp = corrections.get(id);
    // IA renames files and updates its own sidecar; the corrections file is a copy made earlier
    const names = ia ?? pp!;
    const media = findMedia(folder, names, id);
    const named = media.mediaPath ?? media.triedNames[0];
    const fileType = names.fileType === "video" || names.fileType === "image" ? names.fileType : null;
    return {
      id,
      folder,
      ...media,
      fileType: fileType ?? (VIDEO.test(named) ? "video" : "image"),
      ia: ia ? catalogMetadata(ia, false) : null,
      ...(pp && touched(ia, pp) ? { corrected: catalogMetadata(pp, true) } : {}),
    };
  });
  return { folder, schema, entries, warnings };
}
