// "Test connection" in the settings: what works and what does not with a catalog address and
// key, asked over plain HTTP the way supabase-js asks (PostgREST under /rest/v1, GoTrue under
// /auth/v1), so the same check answers for Supabase and for the local catalog.

export type CheckName = "reachable" | "keys" | "schema" | "modelVersion" | "role";

export interface CheckLine {
  check: CheckName;
  /** null: not checked, because an earlier check failed or there was nothing to check */
  ok: boolean | null;
  says: string;
}

export interface ConnectionReport {
  /** the panel can match with this catalog (reachable, keys valid, schema present, model known) */
  ok: boolean;
  lines: CheckLine[];
}

export interface ConnectionCheckInput {
  url: string;
  anonKey: string;
  /** the panel's model version; the model-version check is skipped without it */
  modelVersion?: string | null;
  /** a signed-in session's access token for this catalog, if any */
  accessToken?: string | null;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** The tables and views the panel reads, and the RPCs it calls (src/lib/catalog/catalog-client.ts). */
export const PANEL_TABLES = ["embedding_models", "reference_images", "reference_images_with_shot", "image_embeddings"];
export const PANEL_RPCS = ["match_references", "list_shots", "save_reference", "mark_references_pending"];

interface Answer {
  status: number;
  body: { code?: string; message?: string } & Record<string, unknown>;
}

const SCHEMA = "media_references";
/** An RPC that is not there: PostgREST's "not in the schema cache" (or its schema not exposed). */
const MISSING = new Set(["PGRST202", "PGRST205", "PGRST106"]);

export async function checkConnection(input: ConnectionCheckInput): Promise<ConnectionReport> {
  const base = input.url.replace(/\/+$/, "");
  const doFetch = input.fetch ?? fetch;
  const ask = async (
    path: string,
    init: { body?: unknown; token?: string | null; profile?: string } = {},
  ): Promise<Answer> => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), input.timeoutMs ?? 8000);
    const profile = init.profile ?? SCHEMA;
    try {
      const res = await doFetch(base + path, {
        method: init.body === undefined ? "GET" : "POST",
        signal: controller.signal,
        headers: {
          apikey: input.anonKey,
          Authorization: `Bearer ${init.token ?? input.anonKey}`,
          "Accept-Profile": profile,
          "Content-Profile": profile,
          ...(init.body === undefined ? {} : { "Content-Type": "application/json" }),
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
      const text = await res.text();
      let body: Answer["body"] = {};
      try {
        body = text ? (JSON.parse(text) as Answer["body"]) : {};
      } catch {
        body = { message: text.slice(0, 120) };
      }
      return { status: res.status, body };
    } finally {
      clearTimeout(timer);
    }
  };
  const lines: CheckLine[] = [];
  const report = (): ConnectionReport => {
    const names: CheckName[] = ["reachable", "keys", "schema", "modelVersion", "role"];
    for (const check of names)
      if (!lines.some((l) => l.check === check))
        lines.push({ check, ok: null, says: "Not checked: an earlier check failed." });
    const ok = lines.filter((l) => l.check !== "role").every((l) => l.ok !== false);
    return { ok, lines };
  };

  // reachable, and the anon key: one read of the model registry
  let models: Answer;
  try {
    models = await ask("/rest/v1/embedding_models?select=model_version,is_default");
  } catch (e) {
    const why = (e as Error).name === "AbortError" ? "no answer in time" : (e as Error).message;
    lines.push({
      check: "reachable",
      ok: false,
      says: `${base} cannot be reached (${why}). Check the address and the network.`,
    });
    return report();
  }
  lines.push({ check: "reachable", ok: true, says: `${base} answers.` });
  if (models.status === 401 || models.status === 403) {
    lines.push({
      check: "keys",
      ok: false,
      says: `The anon key is refused: ${models.body.message ?? `HTTP ${models.status}`}. Copy it again from Supabase (Settings → API).`,
    });
    return report();
  }
  const postgrestAnswered = models.status < 400 || MISSING.has(models.body.code ?? "");
  if (!postgrestAnswered) {
    lines.push({
      check: "keys",
      ok: false,
      says: `${base} does not answer like a Supabase catalog (HTTP ${models.status}): is this the project's URL?`,
    });
    return report();
  }
  lines.push({ check: "keys", ok: true, says: "The anon key is accepted." });

  // schema: every table the panel reads and every RPC it calls, asked as anon (a refusal still
  // proves the function is there; only "not in the schema cache" means missing)
  const missing: string[] = [];
  for (const table of PANEL_TABLES) {
    const a = table === "embedding_models" ? models : await ask(`/rest/v1/${table}?limit=0`);
    if (MISSING.has(a.body.code ?? "")) missing.push(table);
  }
  for (const rpc of PANEL_RPCS) {
    const a = await ask(`/rest/v1/rpc/${rpc}`, { body: probeArgs(rpc) });
    if (MISSING.has(a.body.code ?? "")) missing.push(`${rpc}()`);
  }
  if (missing.length) {
    lines.push({
      check: "schema",
      ok: false,
      says: `The ${SCHEMA} schema is missing ${missing.join(", ")}: the catalog's migrations have not been applied (see docs/admin.md).`,
    });
    return report();
  }
  lines.push({ check: "schema", ok: true, says: `The ${SCHEMA} tables and the panel's RPCs are there.` });

  lines.push(await modelVersionLine(ask, models, input.modelVersion ?? null));
  lines.push(await roleLine(ask, input.accessToken ?? null));
  return report();
}

/** Arguments that find each RPC without changing anything: a read, an empty list, and a zero
 * embedding that save_reference refuses before it writes. */
function probeArgs(rpc: string): Record<string, unknown> {
  const unit = `[1${",0".repeat(511)}]`;
  switch (rpc) {
    case "match_references":
      return { query_embedding: unit, match_count: 1 };
    case "list_shots":
      return { search: "" };
    case "mark_references_pending":
      return { reference_ids: [] };
    default:
      return {
        reference_id: "00000000-0000-4000-8000-000000000000",
        file_path: "/connection-check",
        corrected_metadata: {},
        embedding: `[0${",0".repeat(511)}]`,
      };
  }
}

type Ask = (path: string, init?: { token?: string | null; profile?: string }) => Promise<Answer>;

async function modelVersionLine(ask: Ask, models: Answer, modelVersion: string | null): Promise<CheckLine> {
  const rows = Array.isArray(models.body) ? (models.body as { model_version: string; is_default: boolean }[]) : [];
  const known = rows.map((r) => r.model_version);
  const fallback = rows.find((r) => r.is_default)?.model_version ?? known[0] ?? "none";
  if (!modelVersion)
    return {
      check: "modelVersion",
      ok: null,
      says: `Not checked: the image model is not loaded yet (the catalog's default is ${fallback}).`,
    };
  if (!known.includes(modelVersion))
    return {
      check: "modelVersion",
      ok: false,
      says: `The catalog does not know ${modelVersion}; it has ${known.join(", ") || "no model"}. References of one model never match another.`,
    };
  const refs = await ask(
    `/rest/v1/image_embeddings?select=reference_image_id&model_version=eq.${encodeURIComponent(modelVersion)}&limit=1`,
  );
  const some = Array.isArray(refs.body) && refs.body.length > 0;
  return some
    ? { check: "modelVersion", ok: true, says: `References exist for ${modelVersion}.` }
    : {
        check: "modelVersion",
        ok: false,
        says: `The catalog knows ${modelVersion} but holds no references for it yet: nothing can be suggested.`,
      };
}

async function roleLine(ask: Ask, token: string | null): Promise<CheckLine> {
  const anon: CheckLine = {
    check: "role",
    ok: true,
    says: "Not signed in (anon): suggestions work; saving references needs a staff sign-in.",
  };
  if (!token) return anon;
  const user = await ask("/auth/v1/user", { token });
  if (user.status !== 200)
    return { check: "role", ok: false, says: "The saved sign-in is no longer valid: sign in again." };
  const id = String(user.body.id ?? "");
  const email = String(user.body.email ?? "");
  let role = (user.body.app_metadata as { role?: string } | undefined)?.role ?? null;
  if (!role) {
    const profile = await ask(`/rest/v1/user_profiles?select=role&id=eq.${encodeURIComponent(id)}`, {
      token,
      profile: "public",
    });
    role = Array.isArray(profile.body) ? ((profile.body[0] as { role?: string } | undefined)?.role ?? null) : null;
  }
  return { check: "role", ok: true, says: `Signed in as ${email} (${role ?? "no role"}).` };
}
