// The preview's local catalog, which the simulator tools can stop and start again on its own, so
// that an editor can try offline work while Premiere and the panel keep running. The database
// stays open while the server is stopped; the server comes back at the same address with the
// same keys, as a studio's catalog does after an outage.
import crypto from "node:crypto";
import { DatabaseThread } from "../catalog/database-thread";
import { startCatalogServer, type CatalogServerOptions, type RunningCatalog } from "../catalog/server";

export class SwitchableCatalog {
  private current: RunningCatalog | null;
  private readonly origins: string[] = [];
  private switching: Promise<void> = Promise.resolve();

  private constructor(
    private readonly db: DatabaseThread,
    private readonly options: CatalogServerOptions,
    first: RunningCatalog,
  ) {
    this.current = first;
    /** the first server's facts (url, keys, users) stay true across restarts */
    this.catalog = first;
  }

  readonly catalog: RunningCatalog;

  static async start(options: CatalogServerOptions): Promise<SwitchableCatalog> {
    const db = await DatabaseThread.open({ dataDir: options.dataDir });
    try {
      // in memory, the secret would be new on each start: fix it so the keys stay valid (a data
      // dir keeps its own beside it)
      const jwtSecret = options.jwtSecret ?? (options.dataDir ? undefined : crypto.randomBytes(32).toString("hex"));
      const fixed: CatalogServerOptions = { ...options, db, jwtSecret };
      const first = await startCatalogServer(fixed);
      return new SwitchableCatalog(db, { ...fixed, port: Number(new URL(first.url).port) }, first);
    } catch (e) {
      await db.close();
      throw e;
    }
  }

  get running(): boolean {
    return this.current !== null;
  }

  get url(): string {
    return this.catalog.url;
  }

  allowOrigin(origin: string): void {
    this.origins.push(origin);
    this.current?.allowOrigin(origin);
  }

  /** Stops answering (connections refused), as a catalog that went away. */
  stop(): Promise<void> {
    return this.serially(async () => {
      const running = this.current;
      this.current = null;
      await running?.close();
    });
  }

  /** Answers again at the same address; fails when another program took the port meanwhile. */
  start(): Promise<void> {
    return this.serially(async () => {
      if (this.current) return;
      const next = await startCatalogServer(this.options);
      for (const origin of this.origins) next.allowOrigin(origin);
      this.current = next;
    });
  }

  async close(): Promise<void> {
    await this.stop();
    await this.db.close();
  }

  private serially(work: () => Promise<void>): Promise<void> {
    const run = this.switching.then(work, work);
    this.switching = run.catch(() => undefined);
    return run;
  }
}
