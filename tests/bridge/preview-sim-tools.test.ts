// The simulator tools' endpoints act where Premiere keeps things: a selection made there is what
// the host bundle's getSelection reads (app.getCurrentProjectViewSelection, sequence.getSelection),
// the metadata shown is what the host wrote, the offline sample clip can be relinked, and the
// catalog stops and comes back at the same address with the same keys.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPreviewServer, type RunningPreview } from "../../src/server/preview-server";
import { SwitchableCatalog } from "../../src/server/preview/switchable-catalog";
import type { SimState } from "../../src/lib/preview/simulator-tools-contract";
import type { ItemMetadata } from "../../src/lib/preview/simulator-tools-contract";
import { createSampleProject } from "../../src/sim/sample-project";
import { DIST } from "../../src/testing/paths";
import { sampleMedia, sampleMediaFolders } from "../../src/testing/sample-media";
import { simulatedHost } from "../../src/testing/simulated-host";

const project = createSampleProject(sampleMedia());
const { simulator, host } = simulatedHost(project);
let server: RunningPreview;
let catalog: SwitchableCatalog;

const idOf = (name: string) => project.allItems().find((i) => i.name === name)!.nodeId;
const post = (route: string) => fetch(`${server.url}${route}`, { method: "POST", headers: { origin: server.url } });
const state = async () => (await (await fetch(`${server.url}/__sim/state`)).json()) as SimState;
/** A local user's sign-in with the anon key: the catalog answers, and its keys and passwords hold. */
const signIn = () =>
  fetch(`${catalog.url}/auth/v1/token?grant_type=password`, {
    method: "POST",
    headers: { apikey: catalog.catalog.anonKey, "content-type": "application/json" },
    body: JSON.stringify({ email: "editor@eav.local", password: "local-dev" }),
  }).then(
    (r) => r.status,
    () => "refused",
  );

beforeAll(async () => {
  catalog = await SwitchableCatalog.start({ localPassword: "local-dev" });
  server = await startPreviewServer({
    extensionDir: DIST,
    simulator,
    mediaFolders: sampleMediaFolders(),
    simulatorTools: { catalog, relinkTo: sampleMedia().h264.path },
  });
});
afterAll(async () => {
  await server?.close();
  await catalog?.close();
});

describe("the simulator tools' endpoints", () => {
  it("select in the Project panel and the timeline: what the host's getSelection reads", async () => {
    const ids = [idOf("kitchen-hob-CU.jpg"), idOf("missing-drive clip.mxf")];
    expect((await post(`/__sim/select?view=project&ids=${ids.join(",")}`)).status).toBe(204);
    const clip = (await state()).sequence!.clips[0];
    expect((await post(`/__sim/select?view=timeline&ids=${clip.id}`)).status).toBe(204);

    const selection = await host.call("getSelection");
    expect(selection.projectItems.map((p) => p.name)).toEqual(["kitchen-hob-CU.jpg", "missing-drive clip.mxf"]);
    expect(selection.timeline?.items.map((t) => t.item.name)).toEqual(["kitchen-oven-cleaning-MID.mp4"]);
    const shown = await state();
    expect(shown.project.filter((r) => r.selected).map((r) => r.name)).toEqual([
      "kitchen-hob-CU.jpg",
      "missing-drive clip.mxf",
    ]);
    expect(shown.project.find((r) => r.name === "missing-drive clip.mxf")?.offline).toBe(true);

    await post("/__sim/select?view=project&ids=");
    expect((await host.call("getSelection")).projectItems).toEqual([]);
    const refused = await post("/__sim/select?view=project&ids=no-such-id");
    expect(refused.status).toBe(400);
    expect(await refused.text()).toBe("no project item with id no-such-id");
  });

  it("shows a clip's XMP fields and project columns as the host wrote them", async () => {
    const id = idOf("kitchen-oven-cleaning-MID.mp4");
    await host.call("writeClipMetadata", {
      nodeId: id,
      metadata: { location: "kitchen", subject: "oven", action: "cleaning", shotType: "MID", keywords: ["steam"] },
      referenceStatus: "confirmed",
    });
    const meta = (await (await fetch(`${server.url}/__sim/metadata?id=${id}`)).json()) as ItemMetadata;
    expect(meta.xmp).toEqual([
      { label: "Shot Name", value: "kitchen-oven-cleaning-MID" },
      { label: "Log Comment", value: "location=kitchen, subject=oven, action=cleaning, shotType=MID" },
      { label: "Description", value: "steam" },
      { label: "Tape Name", value: "" },
    ]);
    expect(meta.columns).toContainEqual({ label: "Name", value: "kitchen-oven-cleaning-MID.mp4" });
    expect(meta.columns.some((c) => c.value === "confirmed")).toBe(true); // the panel's registered column
  });

  it("relinks the offline sample clip and takes a clip offline, as Link Media and Make Offline do", async () => {
    const id = idOf("missing-drive clip.mxf");
    expect((await post(`/__sim/media?id=${id}&online=1`)).status).toBe(204);
    const relinked = project.allItems().find((i) => i.nodeId === id)!;
    expect(relinked.isOffline()).toBe(false);
    expect(relinked.media?.path).toBe(sampleMedia().h264.path);
    expect((await post(`/__sim/media?id=${id}&online=0`)).status).toBe(204);
    expect((await state()).project.find((r) => r.id === id)?.offline).toBe(true);
  });

  it("stops the catalog alone and starts it again at the same address with the same keys", async () => {
    expect(await signIn()).toBe(200);
    expect((await post("/__sim/catalog?running=0")).status).toBe(204);
    expect((await state()).catalog).toBe("stopped");
    expect(await signIn()).toBe("refused");
    expect((await post("/__sim/catalog?running=1")).status).toBe(204);
    expect((await state()).catalog).toBe("running");
    expect(await signIn()).toBe(200);
  });
});
