import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import WebSocket from "ws";
import { CatalogClient } from "../../src/lib/catalog";
import { openCatalogDatabase } from "../../src/server/catalog/database";
import { startCatalogServer, type RunningCatalog } from "../../src/server/catalog/server";

export const LOCAL_PASSWORD = "pw";

/** A catalog server over one in-memory database (and one Storage folder) that a test can stop and
 * start again on the same port, as when the network goes away and comes back. */
export class RestartableCatalog {
  private constructor(
    readonly db: PGlite,
    public server: RunningCatalog,
    private readonly secret: string,
    readonly storageDir: string,
  ) {}

  static async start(options: { accessTokenSeconds?: number } = {}): Promise<RestartableCatalog> {
    const db = await openCatalogDatabase();
    const secret = crypto.randomUUID() + crypto.randomUUID();
    const storageDir = fs.mkdtempSync(path.join(os.tmpdir(), "restartable-catalog-"));
    return new RestartableCatalog(
      db,
      await startCatalogServer({ db, jwtSecret: secret, localPassword: LOCAL_PASSWORD, storageDir, ...options }),
      secret,
      storageDir,
    );
  }

  get url(): string {
    return this.server.url;
  }

  anon(): CatalogClient {
    return new CatalogClient({
      url: this.server.url,
      anonKey: this.server.anonKey,
      realtime: { transport: WebSocket as never },
    });
  }

  signIn(email: string): Promise<CatalogClient> {
    return this.anon().signIn(email, LOCAL_PASSWORD);
  }

  stop(): Promise<void> {
    return this.server.close();
  }

  async restart(): Promise<void> {
    const port = Number(new URL(this.server.url).port);
    this.server = await startCatalogServer({
      db: this.db,
      jwtSecret: this.secret,
      localPassword: LOCAL_PASSWORD,
      storageDir: this.storageDir,
      port,
      seed: false,
    });
  }

  async close(): Promise<void> {
    await this.server.close();
    await this.db.close();
    fs.rmSync(this.storageDir, { recursive: true, force: true });
  }
}
