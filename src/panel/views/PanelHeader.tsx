import { ActionButton, ProgressBar } from "@adobe/react-spectrum";
import { isSimulated } from "../../lib/bridge/transport";
import { usePanel, usePanelStore } from "../use-panel";
import { AccountLine } from "./AccountLine";
import { SettingsButton } from "./settings/SettingsView";
import { OfflineCopyLine } from "./OfflineCopyLine";
import { referenceCount } from "./status-words";
import "./PanelHeader.css";

function ProjectLine() {
  const { project, loading, refreshProject } = usePanel((s) => ({
    project: s.project,
    loading: s.loading,
    refreshProject: s.refreshProject,
  }));
  const { transport } = usePanelStore().services.host;
  const simulated = isSimulated(transport);
  return (
    <div className="project-line">
      <div>
        <h1 data-testid="project-name" title={project?.path}>
          <bdi>{project ? project.name : "No project"}</bdi>
        </h1>
        {simulated && <span className="badge">simulated Premiere{transport.kind === "uxp" ? " (UXP)" : ""}</span>}
      </div>
      <ActionButton isQuiet onPress={() => void refreshProject()} isDisabled={loading}>
        {loading ? "Reading…" : "Refresh"}
      </ActionButton>
      <SettingsButton />
    </div>
  );
}

function CatalogLine() {
  const { status, source, refs } = usePanel((s) => ({
    status: s.catalogStatus,
    source: s.catalogSource,
    refs: referenceCount(s),
  }));
  switch (status.state) {
    case "unconfigured":
      return (
        <p className="muted" data-testid="catalog-status" data-state="unconfigured">
          Catalog: not set up. Ask your admin for the studio config.
        </p>
      );
    case "connecting":
      return (
        <p className="muted" data-testid="catalog-status" data-state="connecting">
          Catalog: connecting…
        </p>
      );
    case "connected":
      if (source.kind === "copy") return null; // OfflineCopyLine says it
      return (
        <p className="muted" data-testid="catalog-status" data-state="connected" title={status.url}>
          Catalog: connected{refs !== null ? ` · ${refs} reference${refs === 1 ? "" : "s"} for this model` : ""}
        </p>
      );
    case "error":
      return (
        <p className="status-problem" data-testid="catalog-status" data-state="error" title={status.error.detail}>
          Catalog: cannot be reached. Clips wait and are matched when it is back.
        </p>
      );
  }
}

function ModelLine() {
  const status = usePanel((s) => s.modelStatus);
  switch (status.state) {
    case "idle":
      return null;
    case "loading":
      return (
        <div data-testid="model-status" data-state="loading">
          <ProgressBar label="Loading the image model" value={status.percent} size="S" width="100%" />
        </div>
      );
    case "ready":
      return (
        <p
          className="muted"
          data-testid="model-status"
          data-state="ready"
          title={[status.modelVersion, status.detail].filter(Boolean).join(" · ")}
        >
          {status.isTestModel
            ? "Test model: suggestions are for trying the panel, not for real work."
            : "Image model ready."}
        </p>
      );
    case "error":
      return (
        <p className="status-problem" data-testid="model-status" data-state="error">
          Image model unavailable: {status.error.detail}
        </p>
      );
  }
}

/** References made with another model can never match: say so where it happens. */
function ModelMismatch() {
  const { catalog, model } = usePanel((s) => ({ catalog: s.catalogStatus, model: s.modelStatus }));
  if (catalog.state !== "connected" || model.state !== "ready") return null;
  if (catalog.defaultModelVersion === model.modelVersion) return null;
  return (
    <p className="notice" data-testid="model-mismatch">
      The catalog's references are made with {catalog.defaultModelVersion}, but this panel runs {model.modelVersion}.
      References of one model never match the other: ask your admin to align them.
    </p>
  );
}

export function PanelHeader() {
  return (
    <header className="panel-header">
      <ProjectLine />
      <CatalogLine />
      <OfflineCopyLine />
      <ModelLine />
      <ModelMismatch />
      <AccountLine />
    </header>
  );
}
