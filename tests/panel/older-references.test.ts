// Staff bring a corrected shot's older references in line from the panel, an admin undoes it
// (issue 22 §4, ADR-0029). The catalog side is tested against the embedded catalog in
// tests/catalog/older-references.test.ts; here, what the store does with its answers.
import { describe, expect, it } from "vitest";
import { CatalogError, type OlderReferenceUpdate } from "../../src/lib/catalog";
import { FakeCatalog, sampleReferences } from "../../src/testing/fake-panel-services";
import { testStore } from "../../src/testing/test-store";

class CorrectingCatalog extends FakeCatalog {
  undone: number[] = [];
  refuse = false;
  async updateOlderReferences(correctionId: string, fields: string[]): Promise<OlderReferenceUpdate[]> {
    if (this.refuse) throw new CatalogError("NOT_ALLOWED", "only staff may update references");
    return [1, 2].map((n) => ({
      referenceId: `older-${n}`,
      filePath: `/media/${n}.mov`,
      changedFields: fields,
      before: { location: "kitchen", subject: "worktop", shotType: "TRACK" },
      auditId: 40 + n,
    }));
  }
  async undoReferenceUpdate(auditId: number): Promise<void> {
    this.undone.push(auditId);
  }
}

const CONFIG = { catalog: { url: "http://catalog.test", anonKey: "a.b.c" } };
async function connected(catalog: FakeCatalog) {
  const store = testStore({ catalog });
  await store.getState().connectCatalog(CONFIG);
  return store;
}

describe("updating the older references of a corrected shot", () => {
  it("keeps what the catalog changed, and an undo puts back each audited change", async () => {
    const catalog = new CorrectingCatalog(sampleReferences());
    const store = await connected(catalog);
    await store.getState().updateOlderReferences("fix-1", ["location"]);
    expect(store.getState().olderReferences).toMatchObject({
      correctionId: "fix-1",
      state: "updated",
      changed: [{ referenceId: "older-1" }, { referenceId: "older-2" }],
    });
    await store.getState().undoOlderReferences();
    expect(catalog.undone).toEqual([41, 42]);
    expect(store.getState().olderReferences?.state).toBe("undone");
    store.dispose();
  });

  it("says why when the catalog refuses, or when only an offline copy answers", async () => {
    const catalog = new CorrectingCatalog(sampleReferences());
    catalog.refuse = true;
    const store = await connected(catalog);
    await store.getState().updateOlderReferences("fix-1", ["location"]);
    expect(store.getState().olderReferences).toMatchObject({ state: "failed" });
    expect(store.getState().olderReferences?.detail).toMatch(/staff/);
    store.dispose();

    const plain = await connected(new FakeCatalog(sampleReferences()));
    await plain.getState().updateOlderReferences("fix-1", ["location"]);
    expect(plain.getState().olderReferences?.detail).toBe("Needs the catalog itself: try again when it is back.");
    plain.dispose();
  });
});
