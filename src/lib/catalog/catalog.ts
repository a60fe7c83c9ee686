// The reference catalog as the panel uses it, whichever answers: the server (CatalogClient) or
// the server with the offline copy behind it (OfflineCatalog). Tests give fakes of it.
import type { LabeledReference } from "../suggestion/calibration";
import type { Neighbour } from "../suggestion/types";
import type {
  CatalogAccount,
  KnownValues,
  MatchOptions,
  OlderReferenceUpdate,
  PlannedShot,
  SaveReferenceInput,
  SavedReference,
} from "./catalog-client";

export interface Catalog {
  /** the model version the catalog's references are embedded with by default; answering it is
   * what "connected" means */
  defaultModelVersion(): Promise<string>;
  /** one embedding's nearest references (the text search, the near-duplicate check) */
  match(embedding: ArrayLike<number>, options?: MatchOptions): Promise<Neighbour[]>;
  /** each frame embedding's nearest references, with their thumbnails: what the vote takes */
  matchFrames(
    embeddings: ArrayLike<number>[],
    options: MatchOptions & { modelVersion: string },
  ): Promise<Neighbour[][]>;
  /** confirmed references of one model version, for the calibration */
  referenceSample(modelVersion: string, limit?: number): Promise<LabeledReference[]>;
  /** values editors already used, for the card's autocomplete */
  knownValues(limit?: number): Promise<KnownValues>;
  /** EAV's planned shots (staff) */
  listShots(search?: string): Promise<PlannedShot[]>;
  /** the signed-in account of a kept session, or null */
  account(): Promise<CatalogAccount | null>;
  signInSession(email: string, password: string): Promise<CatalogAccount>;
  signOut(): Promise<void>;
  /** the session's access token, null when signed out */
  accessToken(): Promise<string | null>;
  uploadThumbnail(referenceId: string, jpeg: Blob): Promise<string>;
  saveReference(input: SaveReferenceInput): Promise<SavedReference>;
  /** staff: a correction's fields carried over to the older references of its shot (ADR-0029) */
  updateOlderReferences?(correctionId: string, fields: string[], dryRun?: boolean): Promise<OlderReferenceUpdate[]>;
  /** admins: one audited reference update put back */
  undoReferenceUpdate?(auditId: number): Promise<void>;
}
