import type { ProjectInfo } from "../../shared/bridge/contract";
import { fail } from "../dispatch";

/** The open project, or a NO_PROJECT failure the panel can explain. */
export function requireProject(): Project {
  if (!app.project || !app.project.rootItem) {
    throw fail("NO_PROJECT", "No Premiere project is open. Open or create a project, then try again.");
  }
  return app.project;
}

export function getProjectInfo(): ProjectInfo {
  var project = requireProject();
  return {
    name: project.name,
    path: project.path,
    hostVersion: String(app.version),
    rootItemCount: project.rootItem.children.numItems,
  };
}
