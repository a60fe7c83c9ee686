// What the store talks to, injected so that slices are tested with fakes and so that clients
// stay out of the reactive state (a progress tick never re-renders on a client swap).
import type { HostClient } from "../../lib/bridge";
import type { Catalog, OutboxStorage } from "../../lib/catalog";
import type { Embedder } from "../embedding/embedder";
import type { MediaAccess } from "../frames/media-access";
import type { GrabbedFrames } from "../frames/grab-frames";
import type { ProjectItemRecord } from "../../shared/bridge/contract";
import type { SelfCheckServices } from "../self-check/self-check-services";
import type { PanelDatabase } from "./panel-database";

/** the encoder, whichever path runs (src/panel/embedding/embedder.ts); tests give fakes of it */
export type { Embedder };

export interface PanelServices {
  host: HostClient;
  media?: MediaAccess;
  embedder?: Embedder;
  /** a catalog to use for the first address connected instead of opening one (tests, benches);
   * the store's CatalogConnection owns the catalog from then on */
  catalog?: Catalog;
  /** the settings (localStorage in the panel); the queue and the batch undo were kept here before
   * ADR 0030 and are moved to `database` from here once */
  storage?: Pick<Storage, "getItem" | "setItem"> & Partial<Pick<Storage, "removeItem">>;
  /** where the queue, the batch undo and the clips' pictures survive reloads (IndexedDB) */
  database?: PanelDatabase;
  /** a small JPEG of a clip's first frame, kept for its picture after a reload */
  clipThumbnail?: (frame: Blob) => Promise<Blob>;
  /** frame grabbing, replaceable in tests; fractions: where in the clip (the settings' frames per clip) */
  grab?: (clip: ProjectItemRecord, fractions: number[]) => Promise<GrabbedFrames>;
  /** where saves wait until the catalog acknowledges them (localStorage in the panel) */
  outboxStorage?: OutboxStorage;
  /** the clock a batch's rate and ETA are measured by (Date.now in the panel) */
  now?: () => number;
  /** how often an OfflineCatalog answering from its copy asks the catalog again (default 10 s) */
  probeMs?: number;
  /** a JPEG of about 320 px of a frame, for a reference's thumbnail */
  thumbnail?: (frame: Blob) => Promise<Blob>;
  /** what "Check this Premiere" needs from the page (absent: the check is not offered) */
  selfCheck?: SelfCheckServices;
}
