// The catalog the panel talks to when it has an offline copy: the server while it answers, the
// copy when a read fails as retryable (CatalogError.retryable), and the server again once a
// probe reaches it. Saves and sign-ins are never answered by the copy: they go to the server and
// fail as before (a save then waits in the outbox, docs/adr/0018).
import type { LabeledReference } from "../../suggestion/calibration";
import type { Neighbour } from "../../suggestion/types";
import type { Catalog } from "../catalog";
import {
  CatalogClient,
  type CatalogAccount,
  type CatalogConfig,
  type KnownValues,
  type MatchOptions,
  type PlannedShot,
  type SaveReferenceInput,
  type SavedReference,
} from "../catalog-client";
import { CatalogError } from "../catalog-error";
import { CatalogCopy } from "./catalog-copy";
import { syncCopy, type ChangeSource, type SyncResult } from "./sync-copy";

export type CatalogSource = { kind: "server" } | { kind: "copy"; syncedAt: number | null; reason: string };

export interface OfflineOptions {
  copy: CatalogCopy;
  /** told each time the source changes */
  onSource?: (source: CatalogSource) => void;
  /** how a viewed thumbnail's image is fetched for the copy (default: fetch) */
  fetchImage?: (url: string) => Promise<Blob>;
}

/** The server side: the catalog's calls and its change feed (a CatalogClient, or a fake). */
export type CatalogServer = Catalog & ChangeSource;

const retryable = (e: unknown): e is CatalogError => e instanceof CatalogError && e.retryable;
const isConfig = (server: CatalogConfig | CatalogServer): server is CatalogConfig => !("defaultModelVersion" in server);

export class OfflineCatalog implements Catalog {
  /** who answers while the catalog can be reached */
  readonly server: CatalogServer;
  private current: CatalogSource = { kind: "server" };
  private lastModelVersion: string | null = null;

  constructor(
    server: CatalogConfig | CatalogServer,
    readonly offline: OfflineOptions,
  ) {
    this.server = isConfig(server) ? new CatalogClient(server) : server;
  }

  get source(): CatalogSource {
    return this.current;
  }

  /** Who is told when the source changes (one listener: the panel's catalog connection). */
  set onSource(listener: ((source: CatalogSource) => void) | undefined) {
    this.offline.onSource = listener;
  }

  /** Brings the copy of this model version up to the server (only what changed since last time). */
  async syncCopy(modelVersion: string): Promise<SyncResult> {
    this.lastModelVersion = modelVersion;
    const defaultModelVersion = await this.server.defaultModelVersion();
    const result = await syncCopy(this.offline.copy.db, this.server, modelVersion, { defaultModelVersion });
    this.offline.copy.invalidate();
    return result;
  }

  /** Asks the server once; back on the server when it answers. */
  async probe(): Promise<boolean> {
    try {
      await this.server.defaultModelVersion();
      this.use({ kind: "server" });
      return true;
    } catch (e) {
      if (!retryable(e)) throw e;
      return false;
    }
  }

  defaultModelVersion(): Promise<string> {
    return this.read(
      () => this.server.defaultModelVersion(),
      async (e) => (await this.offline.copy.defaultModelVersion()) ?? Promise.reject(e),
    );
  }

  match(embedding: ArrayLike<number>, options: MatchOptions = {}): Promise<Neighbour[]> {
    if (options.modelVersion) this.lastModelVersion = options.modelVersion;
    return this.read(
      () => this.server.match(embedding, options),
      async (e) => this.offline.copy.match(embedding, { ...options, modelVersion: await this.modelFor(options, e) }),
    );
  }

  async matchFrames(
    embeddings: ArrayLike<number>[],
    options: MatchOptions & { modelVersion: string },
  ): Promise<Neighbour[][]> {
    this.lastModelVersion = options.modelVersion;
    const neighbours = await this.read(
      () => this.server.matchFrames(embeddings, options),
      () => this.offline.copy.matchFrames(embeddings, options),
    );
    if (this.current.kind === "server") {
      const fetchImage = this.offline.fetchImage ?? fetchBlob;
      // thumbnails the editor is about to see are kept for offline; a failure only loses the image
      void this.offline.copy.keepThumbnails(neighbours.flat(), fetchImage).catch(() => undefined);
    }
    return neighbours;
  }

  referenceSample(modelVersion: string, limit?: number): Promise<LabeledReference[]> {
    this.lastModelVersion = modelVersion;
    return this.read(
      () => this.server.referenceSample(modelVersion, limit),
      () => this.offline.copy.referenceSample(modelVersion, limit),
    );
  }

  knownValues(limit?: number): Promise<KnownValues> {
    return this.read(
      () => this.server.knownValues(limit),
      () => this.offline.copy.knownValues(limit),
    );
  }

  // the server's alone: accounts, planned shots and saves
  listShots(search?: string): Promise<PlannedShot[]> {
    return this.server.listShots(search);
  }
  account(): Promise<CatalogAccount | null> {
    return this.server.account();
  }
  signInSession(email: string, password: string): Promise<CatalogAccount> {
    return this.server.signInSession(email, password);
  }
  signOut(): Promise<void> {
    return this.server.signOut();
  }
  accessToken(): Promise<string | null> {
    return this.server.accessToken();
  }
  uploadThumbnail(referenceId: string, jpeg: Blob): Promise<string> {
    return this.server.uploadThumbnail(referenceId, jpeg);
  }
  saveReference(input: SaveReferenceInput): Promise<SavedReference> {
    return this.server.saveReference(input);
  }

  private async modelFor(options: MatchOptions, e: CatalogError): Promise<string> {
    const model = options.modelVersion ?? this.lastModelVersion ?? (await this.offline.copy.defaultModelVersion());
    if (!model) throw e;
    return model;
  }

  /** On the copy: the copy answers, and the server is left to probe(). On the server: the server,
   * falling back to the copy when it cannot be reached. */
  private async read<T>(server: () => Promise<T>, copy: (e: CatalogError) => Promise<T>): Promise<T> {
    if (this.current.kind === "copy") {
      return copy(new CatalogError("UNREACHABLE", this.current.reason));
    }
    try {
      return await server();
    } catch (e) {
      if (!retryable(e)) throw e;
      const answer = await copy(e).catch(() => Promise.reject(e)); // no copy: the server's error
      const model = this.lastModelVersion ?? (await this.offline.copy.defaultModelVersion());
      const synced = model ? await this.offline.copy.syncState(model) : undefined;
      this.use({ kind: "copy", syncedAt: synced?.syncedAt ?? null, reason: e.message });
      return answer;
    }
  }

  private use(source: CatalogSource): void {
    const changed = source.kind !== this.current.kind;
    this.current = source;
    if (changed) this.offline.onSource?.(source);
  }
}

async function fetchBlob(url: string): Promise<Blob> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`thumbnail ${url}: HTTP ${res.status}`);
  return res.blob();
}
