// The catalog's answers from the offline copy: matches (over the matcher), the calibration sample
// and the fields' known values, for one model version at a time (docs/adr/0018).
import type { IaMetadata } from "../../../shared/metadata/ia-metadata";
import type { LabeledReference } from "../../suggestion/calibration";
import type { Neighbour, Shot } from "../../suggestion/types";
import type { KnownValues, MatchOptions } from "../catalog-client";
import { CatalogError } from "../catalog-error";
import type { CopiedReference, CopyDatabase, SyncState } from "./copy-database";
import type { CopyMatcher } from "./copy-matcher";
import { normalisedMatrix, type MatrixHit } from "./reference-matrix";

interface Loaded {
  modelVersion: string;
  rows: CopiedReference[];
  shots: Map<string, Shot>;
}

export class CatalogCopy {
  private loaded: Promise<Loaded> | null = null;
  private readonly thumbnailUrls = new Map<string, string>();
  /** which references have a kept thumbnail: read once, so a match does not ask IndexedDB per id */
  private keptThumbnails: Promise<Set<string>> | null = null;

  constructor(
    readonly db: CopyDatabase,
    private readonly matcher: CopyMatcher,
  ) {}

  syncState(modelVersion: string): Promise<SyncState | undefined> {
    return this.db.get("syncs", modelVersion);
  }

  /** The default model version the catalog had at the last sync, if any was synced. */
  async defaultModelVersion(): Promise<string | null> {
    const synced = await this.db.getAll("syncs");
    synced.sort((a, b) => b.syncedAt - a.syncedAt);
    return synced[0]?.defaultModelVersion ?? null;
  }

  /** After a sync: the next match reads the copy again. */
  invalidate(): void {
    this.loaded = null;
  }

  async count(modelVersion: string): Promise<number> {
    return this.db.countFromIndex("references", "byModel", modelVersion);
  }

  private load(modelVersion: string): Promise<Loaded> {
    if (!this.loaded) {
      this.loaded = this.read(modelVersion);
      this.loaded.catch(() => (this.loaded = null));
    }
    return this.loaded.then((l) =>
      l.modelVersion === modelVersion ? l : ((this.loaded = null), this.load(modelVersion)),
    );
  }

  private async read(modelVersion: string): Promise<Loaded> {
    if (!(await this.syncState(modelVersion))) {
      throw new CatalogError(
        "UNREACHABLE",
        `The reference catalog cannot be reached and there is no offline copy for ${modelVersion} yet.`,
        "Connect once to the catalog: the panel then keeps a copy for working offline.",
      );
    }
    const rows = await this.db.getAllFromIndex("references", "byModel", modelVersion);
    const shots = new Map((await this.db.getAll("shots")).map((s) => [s.id, s]));
    await this.matcher.load(normalisedMatrix(rows.map((r) => r.embedding)));
    return { modelVersion, rows, shots };
  }

  async match(embedding: ArrayLike<number>, options: MatchOptions & { modelVersion: string }): Promise<Neighbour[]> {
    const loaded = await this.load(options.modelVersion);
    const { rows, shots } = loaded;
    const filtered = options.shotType || options.shotStatus;
    const allowed = filtered
      ? rows.flatMap((r, i) => {
          const shot = r.shotId ? shots.get(r.shotId) : undefined;
          const typeOk = !options.shotType || r.metadata.shotType === options.shotType;
          const statusOk = !options.shotStatus || shot?.shotStatus === options.shotStatus;
          return typeOk && statusOk ? [i] : [];
        })
      : undefined;
    const [hits] = await this.matcher.match([Float32Array.from(embedding)], options.k ?? 10, allowed);
    return this.neighbours(loaded, hits, options.modelVersion, new Map());
  }

  async matchFrames(
    embeddings: ArrayLike<number>[],
    options: MatchOptions & { modelVersion: string },
  ): Promise<Neighbour[][]> {
    const loaded = await this.load(options.modelVersion);
    const hits = await this.matcher.match(
      embeddings.map((e) => Float32Array.from(e)),
      options.k ?? 10,
    );
    const thumbnails = await this.thumbnails([...new Set(hits.flat().map((h) => loaded.rows[h.index].referenceId))]);
    return hits.map((frameHits) => this.neighbours(loaded, frameHits, options.modelVersion, thumbnails));
  }

  private neighbours(
    { rows, shots }: Loaded,
    hits: MatrixHit[],
    modelVersion: string,
    thumbnails: Map<string, string>,
  ): Neighbour[] {
    return hits.map((h) => {
      const r = rows[h.index];
      return {
        referenceId: r.referenceId,
        similarity: h.similarity,
        metadata: r.metadata,
        filePath: r.filePath,
        thumbnailUrl: thumbnails.get(r.referenceId) ?? null,
        modelVersion,
        shot: (r.shotId && shots.get(r.shotId)) || null,
      };
    });
  }

  async referenceSample(modelVersion: string, limit = 300): Promise<LabeledReference[]> {
    const { rows, shots } = await this.load(modelVersion);
    return rows.slice(0, limit).map((r) => ({
      referenceId: r.referenceId,
      embedding: r.embedding,
      metadata: r.metadata,
      shot: (r.shotId && shots.get(r.shotId)) || null,
    }));
  }

  /** Values editors already used, from every model version's references in the copy. */
  async knownValues(limit = 2000): Promise<KnownValues> {
    const seen = new Set<string>();
    const metadata: IaMetadata[] = [];
    let cursor = await this.db.transaction("references").store.openCursor();
    while (cursor && metadata.length < limit) {
      if (!seen.has(cursor.value.referenceId)) {
        seen.add(cursor.value.referenceId);
        metadata.push(cursor.value.metadata);
      }
      cursor = await cursor.continue();
    }
    const values = (pick: (m: IaMetadata) => Array<string | null | undefined>) =>
      [...new Set(metadata.flatMap(pick).filter((v): v is string => !!v))].sort((a, b) => a.localeCompare(b));
    return {
      location: values((m) => [m.location]),
      subject: values((m) => [m.subject]),
      action: values((m) => [m.action]),
      keywords: values((m) => m.keywords ?? []),
    };
  }

  /** Keeps the images of thumbnails the editor was shown, for showing them again offline. */
  async keepThumbnails(neighbours: Neighbour[], fetchImage: (url: string) => Promise<Blob>): Promise<void> {
    for (const n of neighbours) {
      if (!n.thumbnailUrl || n.thumbnailUrl.startsWith("blob:")) continue;
      const kept = await this.db.get("thumbnails", n.referenceId);
      if (kept?.url === n.thumbnailUrl) continue;
      const image = await fetchImage(n.thumbnailUrl);
      await this.db.put("thumbnails", { referenceId: n.referenceId, url: n.thumbnailUrl, image });
      (await this.kept()).add(n.referenceId);
    }
  }

  /** Object URLs of the kept thumbnails, made once per reference. */
  private async thumbnails(ids: string[]): Promise<Map<string, string>> {
    const kept = await this.kept();
    for (const id of ids) {
      if (this.thumbnailUrls.has(id) || !kept.has(id)) continue;
      const thumbnail = await this.db.get("thumbnails", id);
      if (thumbnail) this.thumbnailUrls.set(id, URL.createObjectURL(thumbnail.image));
    }
    return this.thumbnailUrls;
  }

  private kept(): Promise<Set<string>> {
    return (this.keptThumbnails ??= this.db.getAllKeys("thumbnails").then((keys) => new Set(keys)));
  }
}
