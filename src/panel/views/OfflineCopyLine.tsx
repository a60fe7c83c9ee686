// One status line for the offline copy: when the catalog cannot be reached, which copy answers;
// otherwise how fresh the copy is. Saves made offline show in the save line, as before.
import { usePanel } from "../use-panel";
import { copyWords, sourceWords } from "./offline-copy-words";

export function OfflineCopyLine() {
  const { source, copy } = usePanel((s) => ({ source: s.catalogSource, copy: s.copyStatus }));
  if (source.kind === "copy") {
    return (
      <p className="status-problem" data-testid="catalog-source" data-source="copy" title={source.reason}>
        {sourceWords(source)} Saves wait and are sent when the catalog is back.
      </p>
    );
  }
  const words = copyWords(copy);
  if (!words) return null;
  return (
    <p className="muted" data-testid="catalog-source" data-source="server" data-copy={copy.state}>
      {words}
    </p>
  );
}
