// The panel's one connection to the reference catalog: which client answers (the same one while
// the address stays, a new one when it changes), its reconnect after a failure, and the offline
// fallback (with a copy, the client is an OfflineCatalog, and while its copy answers the catalog
// is probed until it is back). Slices read `current`; none of them makes or replaces a client.
import { CatalogClient, type Catalog } from "../../lib/catalog";
import { OfflineCatalog, type CatalogCopy, type CatalogSource } from "../../lib/catalog/offline";
import type { StudioConfig } from "../../lib/studio-config";

/** where the catalog is and its anon key, as the settings hold them */
type CatalogAddress = NonNullable<StudioConfig["catalog"]>;

export interface CatalogConnectionOptions {
  /** a catalog to use for the first address connected, instead of opening one (tests, benches) */
  given?: Catalog;
  /** how often the catalog is asked again while the copy answers (default 10 s) */
  probeMs?: number;
  /** told when the answering source changes (the server, or the offline copy) */
  onSource: (source: CatalogSource) => void;
}

const PROBE_MS = 10_000;

export class CatalogConnection {
  private catalog: Catalog | null = null;
  private address: string | null = null;
  private given: Catalog | undefined;
  private copy: CatalogCopy | null = null;
  private reconnect: ReturnType<typeof setTimeout> | null = null;
  private probe: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly options: CatalogConnectionOptions) {
    this.given = options.given;
  }

  /** the catalog the panel talks to now; null when none is configured */
  get current(): Catalog | null {
    return this.catalog;
  }

  /** the current catalog's offline side, when it has a copy */
  get offline(): OfflineCatalog | null {
    return this.catalog instanceof OfflineCatalog ? this.catalog : null;
  }

  /** The offline copy, once it is open: catalogs opened from now on fall back to it. */
  useCopy(copy: CatalogCopy): void {
    this.copy = copy;
  }

  /** The catalog of this address: the one in use while the address stays the same, a new one
   * (no session carried over) when it changes; null when no catalog is configured. */
  open(settings: CatalogAddress | null): Catalog | null {
    const address = settings ? `${settings.url}\n${settings.anonKey}` : null;
    if (address === this.address && (this.catalog || !settings)) return this.catalog;
    this.close();
    this.address = address;
    if (!settings) return null;
    const catalog = this.given ?? this.create(settings);
    this.given = undefined;
    if (catalog instanceof OfflineCatalog) catalog.onSource = (source) => this.sourceChanged(source);
    this.catalog = catalog;
    return catalog;
  }

  /** After a failure: try again in `ms` (one pending reconnect at a time). */
  reconnectIn(ms: number, reconnect: () => void): void {
    this.cancelReconnect();
    this.reconnect = setTimeout(reconnect, ms);
  }

  cancelReconnect(): void {
    if (this.reconnect) clearTimeout(this.reconnect);
    this.reconnect = null;
  }

  /** Stops every timer: the panel is closing. */
  dispose(): void {
    this.cancelReconnect();
    this.stopProbe();
  }

  private create({ url, anonKey }: CatalogAddress): Catalog {
    const config = { url, anonKey, persistSession: true };
    return this.copy ? new OfflineCatalog(config, { copy: this.copy }) : new CatalogClient(config);
  }

  private close(): void {
    const offline = this.offline;
    if (offline) offline.onSource = undefined;
    this.stopProbe();
    this.catalog = null;
  }

  private sourceChanged(source: CatalogSource): void {
    this.stopProbe();
    if (source.kind === "copy") {
      this.probe = setInterval(
        () => void this.offline?.probe().catch(() => undefined),
        this.options.probeMs ?? PROBE_MS,
      );
    }
    this.options.onSource(source);
  }

  private stopProbe(): void {
    if (this.probe) clearInterval(this.probe);
    this.probe = null;
  }
}
