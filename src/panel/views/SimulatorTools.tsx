// Only in the browser preview: lets someone without Premiere act like an editor importing clips.
export function SimulatorTools() {
  return (
    <footer className="simulator-tools">
      <span className="muted">Simulated Premiere:</span>
      <button type="button" onClick={() => void fetch("/__sim/import", { method: "POST" })}>
        Import a sample clip
      </button>
    </footer>
  );
}
