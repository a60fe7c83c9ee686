// Marks imported references whose values no person confirmed (IA's own, untouched entries) as
// review_status 'pending', so that matching (which reads only 'confirmed') ignores them until
// someone reviews them. save_reference has no review_status argument, so this is an update of
// media_references.reference_images, which Supabase's PostgREST serves to staff ("Staff correct
// references" policy). A catalog that cannot do it is found before anything is imported.
import { createClient } from "@supabase/supabase-js";
import { classify, type CatalogClient } from "../lib/catalog";

const NO_ROW = "00000000-0000-0000-0000-000000000000";

function table(catalog: CatalogClient) {
  const { url, anonKey, accessToken, realtime } = catalog.config;
  return createClient(url, anonKey, {
    db: { schema: "media_references" },
    auth: { persistSession: false, autoRefreshToken: false },
    global: accessToken ? { headers: { Authorization: `Bearer ${accessToken}` } } : {},
    realtime,
  }).from("reference_images");
}

/** The ids updated: RLS hides rows a user may not update rather than refusing them. */
async function setPending(catalog: CatalogClient, ids: string[]): Promise<string[]> {
  const { data, error, status } = await table(catalog).update({ review_status: "pending" }).in("id", ids).select("id");
  if (error) throw classify(error, status);
  return (data as Array<{ id: string }>).map((r) => r.id);
}

/** Null when the catalog lets this user mark references pending, else why not. */
export async function reviewStatusProblem(catalog: CatalogClient): Promise<string | null> {
  try {
    await setPending(catalog, [NO_ROW]);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

export async function markPending(catalog: CatalogClient, referenceId: string): Promise<void> {
  const updated = await setPending(catalog, [referenceId]);
  if (!updated.includes(referenceId)) throw new Error(`the catalog did not let this account mark ${referenceId}`);
}
