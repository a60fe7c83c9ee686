// The catalog the panel talks to: the server while it answers, the offline copy when a read fails
// as retryable (CatalogError.retryable), and the server again once a probe reaches it. Saves are
// never answered by the copy: they fail as before and wait in the outbox (docs/adr/0018).
import type { LabeledReference } from "../../suggestion/calibration";
import type { Neighbour } from "../../suggestion/types";
import {
  CatalogClient,
  type CatalogConfig,
  type KnownValues,
  type MatchOptions,
  type ReferenceMatch,
} from "../catalog-client";
import { CatalogError } from "../catalog-error";
import { CatalogCopy } from "./catalog-copy";
import { syncCopy, type SyncResult } from "./sync-copy";

export type CatalogSource = { kind: "server" } | { kind: "copy"; syncedAt: number | null; reason: string };

export interface OfflineOptions {
  copy: CatalogCopy;
  /** told each time the source changes */
  onSource?: (source: CatalogSource) => void;
  /** how a viewed thumbnail's image is fetched for the copy (default: fetch) */
  fetchImage?: (url: string) => Promise<Blob>;
}

const retryable = (e: unknown): e is CatalogError => e instanceof CatalogError && e.retryable;

export class OfflineCatalog extends CatalogClient {
  private current: CatalogSource = { kind: "server" };
  private lastModelVersion: string | null = null;

  constructor(
    config: CatalogConfig,
    readonly offline: OfflineOptions,
  ) {
    super(config);
  }

  get source(): CatalogSource {
    return this.current;
  }

  /** Brings the copy of this model version up to the server (only what changed since last time). */
  async syncCopy(modelVersion: string): Promise<SyncResult> {
    this.lastModelVersion = modelVersion;
    const defaultModelVersion = await super.defaultModelVersion();
    const result = await syncCopy(this.offline.copy.db, this, modelVersion, { defaultModelVersion });
    this.offline.copy.invalidate();
    return result;
  }

  /** Asks the server once; back on the server when it answers. */
  async probe(): Promise<boolean> {
    try {
      await super.defaultModelVersion();
      this.use({ kind: "server" });
      return true;
    } catch (e) {
      if (!retryable(e)) throw e;
      return false;
    }
  }

  override defaultModelVersion(): Promise<string> {
    return this.read(
      () => super.defaultModelVersion(),
      async (e) => (await this.offline.copy.defaultModelVersion()) ?? Promise.reject(e),
    );
  }

  override match(embedding: ArrayLike<number>, options: MatchOptions = {}): Promise<ReferenceMatch[]> {
    if (options.modelVersion) this.lastModelVersion = options.modelVersion;
    return this.read(
      () => super.match(embedding, options),
      async (e) => this.offline.copy.match(embedding, { ...options, modelVersion: await this.modelFor(options, e) }),
    );
  }

  override async matchFrames(
    frames: ArrayLike<number>[],
    options: MatchOptions & { modelVersion: string },
  ): Promise<Neighbour[][]> {
    this.lastModelVersion = options.modelVersion;
    const neighbours = await this.read(
      () => super.matchFrames(frames, options),
      () => this.offline.copy.matchFrames(frames, options),
    );
    if (this.current.kind === "server") {
      const fetchImage = this.offline.fetchImage ?? fetchBlob;
      // thumbnails the editor is about to see are kept for offline; a failure only loses the image
      void this.offline.copy.keepThumbnails(neighbours.flat(), fetchImage).catch(() => undefined);
    }
    return neighbours;
  }

  override referenceSample(modelVersion: string, limit?: number): Promise<LabeledReference[]> {
    this.lastModelVersion = modelVersion;
    return this.read(
      () => super.referenceSample(modelVersion, limit),
      () => this.offline.copy.referenceSample(modelVersion, limit),
    );
  }

  override knownValues(limit?: number): Promise<KnownValues> {
    return this.read(
      () => super.knownValues(limit),
      () => this.offline.copy.knownValues(limit),
    );
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
