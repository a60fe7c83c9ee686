import { createRoot } from "react-dom/client";
import { createHostClient, detectTransport } from "../../lib/bridge";
import { localStorageStorage } from "../../lib/catalog";
import { jpegThumbnail } from "../frames/thumbnail";
import { App } from "../App";
import { startEmbedder } from "../embedding/start-embedder";
import { detectMediaAccess } from "../frames/media-access";
import { loadStudioConfig } from "../load-studio-config";
import { createPanelStore } from "../store";
import { startCatalogCopy } from "../offline/start-copy";
import "../styles.css";

const store = createPanelStore({
  host: createHostClient(detectTransport()),
  media: detectMediaAccess(),
  embedder: startEmbedder(),
  catalog: null,
  storage: window.localStorage,
  outboxStorage: localStorageStorage(),
  thumbnail: jpegThumbnail,
});
createRoot(document.getElementById("root")!).render(<App store={store} />);
void store.getState().refreshProject();
// without IndexedDB (or a worker) the panel works as before: online only
const copyReady = startCatalogCopy().then(
  (copy) => void (store.services.catalogCopy = copy),
  () => undefined,
);
loadStudioConfig().then(
  async (config) => {
    void store.getState().loadModel(config);
    await copyReady;
    void store.getState().connectCatalog(config);
  },
  (e: Error) => store.getState().showError("config", { title: "Studio config", detail: e.message }),
);
