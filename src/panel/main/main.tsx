import { createRoot } from "react-dom/client";
import { createHostClient, detectTransport } from "../../lib/bridge";
import { App } from "../App";
import { startEmbedder } from "../embedding/start-embedder";
import { detectMediaAccess } from "../frames/media-access";
import { loadStudioConfig } from "../load-studio-config";
import { createPanelStore } from "../store";
import "../styles.css";

const store = createPanelStore(createHostClient(detectTransport()), { media: detectMediaAccess() });
createRoot(document.getElementById("root")!).render(<App store={store} />);
void store.getState().refreshProject();
loadStudioConfig().then(
  (config) => {
    void store.getState().connectCatalog(config);
    void store.getState().loadModel(config, startEmbedder());
  },
  (e: Error) => store.setState({ error: { title: "Studio config", detail: e.message } }),
);
