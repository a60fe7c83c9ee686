// The settings form keeps what the editor typed: empty is not zero, a decimal comma is a point,
// and the catalog choice offers the local catalog's address.
import { describe, expect, it } from "vitest";
import { formChanged, fromForm, toForm, withCatalogKind } from "../../src/panel/views/settings/settings-form";
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

  it("an empty number is a problem, not 0; '0,7' is 0.7", () => {
    const form = { ...toForm(supabase), framesPerClip: " ", batchConfidence: "0,7" };
    const next = fromForm(form, supabase);
    expect(next.batchConfidence).toBe(0.7);
    expect(settingsProblems(next)).toEqual({ framesPerClip: "Enter a whole number from 1 to 10." });
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
