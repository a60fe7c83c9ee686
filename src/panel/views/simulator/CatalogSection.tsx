import { ActionButton } from "@adobe/react-spectrum";
import { simApi } from "./sim-api";
import { ToolSection } from "./ToolSection";
import type { SimTools } from "./use-sim-state";

/** Stops the local catalog on its own (Premiere and the panel keep running), to try offline work. */
export function CatalogSection({ sim }: { sim: SimTools }) {
  const catalog = sim.state?.catalog;
  if (catalog === null) return null; // this preview's catalog is not the tools' to stop
  return (
    <ToolSection id="catalog" title={`Catalog${catalog ? `: ${catalog}` : ""}`} sim={sim}>
      <ActionButton isDisabled={!catalog} onPress={() => void sim.act(() => simApi.setCatalog(catalog !== "running"))}>
        {catalog === "stopped" ? "Start the catalog" : "Stop the catalog"}
      </ActionButton>
    </ToolSection>
  );
}
