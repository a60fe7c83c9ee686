import type { CatalogStatus } from "../store";

export function CatalogStatusLine({ status }: { status: CatalogStatus }) {
  switch (status.state) {
    case "unconfigured":
      return (
        <p className="muted" data-testid="catalog-status">
          Catalog: not configured (works offline; ask your admin for the studio config)
        </p>
      );
    case "connecting":
      return (
        <p className="muted" data-testid="catalog-status">
          Catalog: connecting to {status.url}…
        </p>
      );
    case "connected":
      return (
        <p className="muted" data-testid="catalog-status" data-state="connected">
          Catalog: connected · model {status.modelVersion}
        </p>
      );
    case "error":
      return (
        <p className="catalog-error" data-testid="catalog-status" data-state="error" title={status.error.detail}>
          Catalog: unavailable — {status.error.detail}
        </p>
      );
  }
}
