import { useStore } from "zustand";
import type { PanelStore } from "./store";
import { CatalogStatusLine } from "./views/CatalogStatusLine";
import { ModelStatusLine } from "./views/ModelStatusLine";
import { ErrorBanner } from "./views/ErrorBanner";
import { ProjectHeader } from "./views/ProjectHeader";
import { ClipQueue } from "./views/ClipQueue";
import { SimulatorTools } from "./views/SimulatorTools";
import { TextSearchBox } from "./views/TextSearchBox";

export function App({ store }: { store: PanelStore }) {
  const state = useStore(store);
  return (
    <main className="panel">
      <ProjectHeader
        project={state.project}
        hostKind={state.host.transport.kind}
        loading={state.loading}
        onRefresh={() => void state.refreshProject()}
      />
      <CatalogStatusLine status={state.catalogStatus} />
      <ModelStatusLine status={state.modelStatus} />
      {state.error && <ErrorBanner error={state.error} onDismiss={state.dismissError} />}
      <TextSearchBox search={state.search} onSearch={(q) => void state.searchByText(q)} />
      <ClipQueue queue={state.queue} importMode={state.importMode} />
      {state.host.transport.kind === "simulator" && <SimulatorTools />}
    </main>
  );
}
