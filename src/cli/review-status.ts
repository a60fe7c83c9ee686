// Marks imported references whose values no person confirmed (IA's own, untouched entries) as
// review_status 'pending', so that matching (which reads only 'confirmed') ignores them until
// someone reviews them: the mark_references_pending RPC (migration 20251124104000), whose
// caller's rights let RLS decide. A catalog that cannot do it is found before anything is imported.
import type { CatalogClient } from "../lib/catalog";

const NO_ROW = "00000000-0000-0000-0000-000000000000";

/** Null when the catalog lets this user mark references pending, else why not. */
export async function reviewStatusProblem(catalog: CatalogClient): Promise<string | null> {
  try {
    await catalog.markPending([NO_ROW]);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

export async function markPending(catalog: CatalogClient, referenceId: string): Promise<void> {
  const updated = await catalog.markPending([referenceId]);
  if (!updated.includes(referenceId)) throw new Error(`the catalog did not let this account mark ${referenceId}`);
}
