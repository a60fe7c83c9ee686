import { createRoot } from "react-dom/client";
import { createHostClient, detectTransport } from "../../lib/bridge";
import { localStorageStorage } from "../../lib/catalog";
import { jpegThumbnail } from "../frames/thumbnail";
import { App } from "../App";
import { startEmbedder } from "../embedding/start-embedder";
import { browserSelfCheck } from "../self-check/browser-self-check";
import { detectMediaAccess } from "../frames/media-access";
import { loadStudioConfig } from "../load-studio-config";
import { configOf, createPanelStore } from "../store";
import { PanelDatabase } from "../store/panel-database";
import { THUMBNAIL_WIDTH } from "../store/thumbnail-store";
import { startCatalogCopy } from "../offline/start-copy";
import "../styles.css";

const host = createHostClient(detectTransport());
const media = detectMediaAccess(window, host.transport);
const store = createPanelStore({
  host,
  media,
  embedder: startEmbedder(),
  storage: window.localStorage,
  // without IndexedDB (private mode) the queue lives in memory and the banner says so
  database: new PanelDatabase(window.indexedDB ?? undefined),
  clipThumbnail: (frame) => jpegThumbnail(frame, 0.7, THUMBNAIL_WIDTH),
  outboxStorage: localStorageStorage(),
  thumbnail: jpegThumbnail,
  selfCheck: browserSelfCheck(host, media),
});
createRoot(document.getElementById("root")!).render(<App store={store} />);
void store.getState().refreshProject();
// without IndexedDB (or a worker) the panel works as before: online only
const copyReady = startCatalogCopy().then(
  (copy) => store.catalog.useCopy(copy),
  () => undefined,
);
loadStudioConfig().then(
  async (config) => {
    // the studio config gives the starting values; this user's saved settings go over them
    const settings = configOf(store.getState().initSettings(config));
    void store.getState().loadModel(settings);
    await copyReady;
    void store.getState().connectCatalog(settings);
  },
  (e: Error) => {
    store.getState().initSettings(null); // the editor can still set a catalog in the settings
    store.getState().showError("config", { title: "Studio config", detail: e.message });
  },
);
