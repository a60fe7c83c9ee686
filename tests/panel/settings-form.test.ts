// The settings form keeps what the editor typed: empty is not zero, a decimal comma is a point,
// and the catalog choice offers the local catalog's address.
import { describe, expect, it } from "vitest";
import {
  formChanged,
  formProblems,
  fromForm,
  toForm,
  withCatalogKind,
} from "../../src/panel/views/settings/settings-form";
import { BUILT_IN_SETTINGS, LOCAL_CATALOG_URL, settingsProblems } from "../../src/panel/store/settings-values";

const supabase = { ...BUILT_IN_SETTINGS, catalog: { url: "https://abc.supabase.co", anonKey: "a.b.c" } };

describe("settings form", () => {
  it("round-trips the settings", () => {
    expect(fromForm(toForm(supabase), supabase)).toEqual(supabase);
    expect(toForm(supabase).catalogKind).toBe("supabase");
    expect(toForm({ ...supabase, catalog: { url: "http://127.0.0.1:54321", anonKey: "a.b.c" } }).catalogKind).toBe(
      "local",
    );
    expect(toForm(BUILT_IN_SETTINGS).catalogKind).toBe("none");
  });

  it("an empty number is a problem, not 0; '70,5' (%) is 0.705", () => {
    const form = { ...toForm(supabase), framesPerClip: " ", batchConfidence: "70,5" };
    const next = fromForm(form, supabase);
    expect(next.batchConfidence).toBe(0.705);
    expect(settingsProblems(next)).toEqual({ framesPerClip: "Enter a whole number from 1 to 10." });
  });

  it("shows the confidences in % as batch accept does, and flags a bad value as typed, in %", () => {
    const form = toForm({ ...supabase, abstentionThreshold: 0.55, batchConfidence: 0.9 });
    expect(form).toMatchObject({ abstentionThreshold: "55", batchConfidence: "90" });
    expect(fromForm({ ...form, batchConfidence: "85 %" }, supabase).batchConfidence).toBe(0.85);
    expect(formProblems({ ...form, batchConfidence: "150" }, supabase)).toEqual({
      batchConfidence: "Enter a percentage from 0 to 100.",
    });
    expect(formProblems({ ...form, url: "htp:/x" }, supabase)).toHaveProperty("catalog");
    expect(formProblems(form, supabase)).toEqual({});
  });

  it("the local catalog comes with its usual address; a Supabase project does not keep it", () => {
    const local = withCatalogKind(toForm(supabase), "local");
    expect(local.url).toBe(LOCAL_CATALOG_URL);
    expect(withCatalogKind(local, "supabase").url).toBe("");
    expect(fromForm(withCatalogKind(local, "none"), supabase).catalog).toBeNull();
  });

  it("knows when closing would drop an edit: any field typed over, a choice switched", () => {
    expect(formChanged(toForm(supabase), supabase)).toBe(false);
    expect(formChanged({ ...toForm(supabase), matchesPerFrame: "12" }, supabase)).toBe(true);
    expect(formChanged({ ...toForm(supabase), anonKey: "x.y.z" }, supabase)).toBe(true);
    expect(formChanged(withCatalogKind(toForm(supabase), "none"), supabase)).toBe(true);
    // typed back to what is kept: nothing to lose
    expect(formChanged({ ...toForm(supabase), matchesPerFrame: String(supabase.matchesPerFrame) }, supabase)).toBe(
      false,
    );
  });
});
