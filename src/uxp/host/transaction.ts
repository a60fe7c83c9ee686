// Writes in Premiere's UXP DOM are actions, run in one undoable transaction while the project is
// locked (required since 26.3): project.lockedAccess(() => project.executeTransaction(...)). The
// actions are made inside the transaction, as Adobe's samples do.
import type { Action, Project } from "@adobe/premierepro";
import { fail } from "./failure";
import type { HostErrorCode } from "../../shared/bridge/errors";

export const UNDO_PREFIX = "Reference Lookup: ";

/** Runs the actions `build` makes as one undo step; a refusal is a failure with `code`. */
export function transact(
  project: Project,
  undo: string,
  build: () => Action[],
  code: HostErrorCode,
  refused: string,
): void {
  let ok = false;
  let problem: unknown = null;
  project.lockedAccess(() => {
    try {
      ok = project.executeTransaction((compound) => {
        for (const action of build()) compound.addAction(action);
      }, UNDO_PREFIX + undo);
    } catch (e) {
      problem = e;
    }
  });
  if (problem || !ok)
    throw fail(
      code,
      refused + (problem ? " (" + (problem instanceof Error ? problem.message : String(problem)) + ")" : ""),
    );
}
