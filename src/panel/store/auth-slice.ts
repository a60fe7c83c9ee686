// Staff sign-in: reading and matching need none; saving references needs a staff account (the
// catalog's is_staff rule). The session is kept across reloads and refreshed by supabase-js.
import type { CatalogAccount, PlannedShot } from "../../lib/catalog";
import { toPanelError } from "./panel-error";
import type { Slice } from "./slice";

export interface AuthSlice {
  account: CatalogAccount | null;
  authState: "signed-out" | "signing-in" | "signed-in";
  authError: string | null;
  /** EAV's planned shots, for staff only (list_shots): the card's shot dropdown */
  plannedShots: PlannedShot[];
  /** the session kept from an earlier panel run, if any */
  restoreAccount(): Promise<void>;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

export const authSlice: Slice<AuthSlice> = (set, _get, _services, { catalog: connection }) => {
  const loadShots = async (account: CatalogAccount) => {
    if (!account.canSave || !connection.current) return set({ plannedShots: [] });
    // the dropdown is a convenience: without it the suggested shot still stands
    set({ plannedShots: await connection.current.listShots().catch(() => []) });
  };
  return {
    account: null,
    authState: "signed-out",
    authError: null,
    plannedShots: [],
    async restoreAccount() {
      const account = await connection.current?.account().catch(() => null);
      if (account) {
        set({ account, authState: "signed-in", authError: null });
        await loadShots(account);
      }
    },
    async signIn(email, password) {
      const catalog = connection.current;
      if (!catalog) return set({ authError: "No reference catalog is configured." });
      set({ authState: "signing-in", authError: null });
      try {
        const account = await catalog.signInSession(email.trim(), password);
        set({ account, authState: "signed-in" });
        await loadShots(account);
      } catch (e) {
        set({ account: null, authState: "signed-out", authError: toPanelError("Signing in", e).detail });
      }
    },
    async signOut() {
      await connection.current?.signOut().catch(() => undefined);
      set({ account: null, authState: "signed-out", authError: null, plannedShots: [] });
    },
  };
};
