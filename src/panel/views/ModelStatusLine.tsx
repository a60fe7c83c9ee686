import type { ModelStatus } from "../store";

export function ModelStatusLine({ status }: { status: ModelStatus }) {
  switch (status.state) {
    case "idle":
      return null;
    case "loading":
      return (
        <div className="model-status" data-testid="model-status" data-state="loading">
          <span className="muted">CLIP model: loading {status.source}</span>
          <progress max={100} value={status.percent} aria-label="Model download" />
          <span className="muted">{status.percent}%</span>
        </div>
      );
    case "ready":
      return (
        <p className="muted" data-testid="model-status" data-state="ready">
          CLIP model: {status.modelVersion} · {status.threads} thread{status.threads > 1 ? "s" : ""}
        </p>
      );
    case "error":
      return (
        <p className="catalog-error" data-testid="model-status" data-state="error">
          CLIP model unavailable — {status.error.detail}
        </p>
      );
  }
}
