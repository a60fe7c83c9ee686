// Staff bring the older references of a shot in line with a newer correction (issue 22 §4,
// docs/adr/0029): the catalog changes each one (audited) and says which audit entries an admin
// undoes it by. Only the catalog itself can do this: its offline copy cannot.
import type { Catalog, OlderReferenceUpdate } from "../../lib/catalog";
import type { SuggestedField } from "../../lib/suggestion";
import { toPanelError } from "./panel-error";
import type { Slice } from "./slice";

export interface OlderReferencesState {
  correctionId: string;
  fields: SuggestedField[];
  state: "updating" | "updated" | "undoing" | "undone" | "failed";
  changed: OlderReferenceUpdate[];
  detail?: string;
}

export interface OlderReferencesSlice {
  olderReferences: OlderReferencesState | null;
  updateOlderReferences(correctionId: string, fields: SuggestedField[]): Promise<void>;
  /** admins: puts back every change of the last update */
  undoOlderReferences(): Promise<void>;
}

/** The catalog server behind the connection (the offline catalog answers through it while online). */
const serverOf = (c: Catalog | null): Catalog | null => (c && "server" in c ? (c.server as Catalog) : c);

export const olderReferencesSlice: Slice<OlderReferencesSlice> = (set, get, _services, { catalog: connection }) => ({
  olderReferences: null,
  async updateOlderReferences(correctionId, fields) {
    const server = serverOf(connection.current);
    const base = { correctionId, fields, changed: [] };
    if (!server?.updateOlderReferences)
      return set({
        olderReferences: { ...base, state: "failed", detail: "Needs the catalog itself: try again when it is back." },
      });
    set({ olderReferences: { ...base, state: "updating" } });
    try {
      const changed = await server.updateOlderReferences(correctionId, fields);
      set({ olderReferences: { ...base, state: "updated", changed } });
    } catch (e) {
      set({ olderReferences: { ...base, state: "failed", detail: toPanelError("Updating references", e).detail } });
    }
  },
  async undoOlderReferences() {
    const now = get().olderReferences;
    const server = serverOf(connection.current);
    if (!now || now.state !== "updated" || !server?.undoReferenceUpdate) return;
    set({ olderReferences: { ...now, state: "undoing" } });
    try {
      for (const change of now.changed) if (change.auditId !== null) await server.undoReferenceUpdate(change.auditId);
      set({ olderReferences: { ...now, state: "undone" } });
    } catch (e) {
      set({ olderReferences: { ...now, state: "failed", detail: toPanelError("Undoing", e).detail } });
    }
  },
});
