import { isSimulated } from "../lib/bridge/transport";
import type { PanelStore } from "./store";
import { HostThemeProvider } from "./theme/HostThemeProvider";
import { PanelStoreContext } from "./use-panel";
import { BatchAccept } from "./views/BatchAccept";
import { ClipQueue } from "./views/ClipQueue";
import { ErrorBanner } from "./views/ErrorBanner";
import { PanelHeader } from "./views/PanelHeader";
import { ReviewCard } from "./views/ReviewCard";
import { SimulatorTools } from "./views/SimulatorTools";
import { TextSearchBox } from "./views/TextSearchBox";
import { usePanelKeys } from "./views/use-panel-keys";
import { SettingsView } from "./views/settings/SettingsView";

export function App({ store }: { store: PanelStore }) {
  usePanelKeys(store);
  return (
    <PanelStoreContext.Provider value={store}>
      <HostThemeProvider transport={store.services.host.transport}>
        <main className="panel">
          <PanelHeader />
          <ErrorBanner />
          <BatchAccept />
          {/* above the card: in a docked panel the card runs long, and search would sink below it */}
          <TextSearchBox />
          <div className="workspace">
            <ClipQueue />
            <ReviewCard />
          </div>
          {isSimulated(store.services.host.transport) && <SimulatorTools />}
          <SettingsView />
        </main>
      </HostThemeProvider>
    </PanelStoreContext.Provider>
  );
}
