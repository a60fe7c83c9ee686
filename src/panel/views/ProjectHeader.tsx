import type { ProjectInfo } from "../../lib/bridge";

interface Props {
  project: ProjectInfo | null;
  hostKind: "cep" | "simulator";
  loading: boolean;
  onRefresh: () => void;
}

export function ProjectHeader({ project, hostKind, loading, onRefresh }: Props) {
  return (
    <header className="project-header">
      <div>
        <h1 data-testid="project-name">{project ? project.name : "No project"}</h1>
        <p className="muted">
          {project ? `${project.rootItemCount} items · Premiere ${project.hostVersion}` : "—"}
          {hostKind === "simulator" && <span className="badge">simulated Premiere</span>}
        </p>
      </div>
      <button type="button" onClick={onRefresh} disabled={loading}>
        {loading ? "Reading…" : "Refresh"}
      </button>
    </header>
  );
}
