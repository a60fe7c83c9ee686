import { ActionButton } from "@adobe/react-spectrum";
import { useState } from "react";
import { checkConnection, type CheckName, type ConnectionReport } from "../../../lib/catalog/connection-check";
import { usePanel, usePanelStore } from "../../use-panel";

const CHECK_WORDS: Record<CheckName, string> = {
  reachable: "Reachable",
  keys: "Catalog key",
  schema: "Schema",
  modelVersion: "Model version",
  role: "Account",
};

/** "Test connection" for the address and key in the form, before they are saved. */
export function ConnectionCheck({ url, anonKey }: { url: string; anonKey: string }) {
  const store = usePanelStore();
  const { modelStatus, catalogStatus } = usePanel((s) => ({
    modelStatus: s.modelStatus,
    catalogStatus: s.catalogStatus,
  }));
  const [report, setReport] = useState<ConnectionReport | "checking" | null>(null);
  const test = async () => {
    setReport("checking");
    const sameCatalog = catalogStatus.state !== "unconfigured" && catalogStatus.url === url.trim().replace(/\/+$/, "");
    // the signed-in role is known only for the catalog the panel is connected to
    const accessToken = sameCatalog ? await store.catalog.current?.accessToken().catch(() => null) : null;
    setReport(
      await checkConnection({
        url: url.trim(),
        anonKey: anonKey.trim(),
        modelVersion: modelStatus.state === "ready" ? modelStatus.modelVersion : null,
        accessToken,
      }),
    );
  };
  return (
    <div className="connection-check">
      <ActionButton onPress={() => void test()} isDisabled={!url.trim() || report === "checking"}>
        {report === "checking" ? "Testing…" : "Test connection"}
      </ActionButton>
      <div role="status" aria-live="polite">
        {report && report !== "checking" && (
          <ul className="check-lines" data-testid="connection-report" data-ok={report.ok}>
            {report.lines.map((l) => (
              <li key={l.check} data-check={l.check} data-ok={String(l.ok)}>
                <span className="check-mark" aria-hidden="true">
                  {l.ok === true ? "✓" : l.ok === false ? "✗" : "–"}
                </span>
                <span>
                  <strong>{CHECK_WORDS[l.check]}: </strong>
                  {/* the role line says who, not yes or no */}
                  {l.ok === null || l.check === "role" ? "" : l.ok ? "yes. " : "no. "}
                  {l.says}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
