// The simulator against types-for-adobe's declarations (npm run sim:coverage as a test), its
// named refusals for engine-bound members, Time, and an unmodified ExtendScript that walks a
// 2,000-item project, writes and reads back built-in columns and XMP arrays, builds a sequence
// with tracks and markers and exports a frame, on both platforms.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { simCoverage } from "../../scripts/sim-coverage";
import { ProjectItemType, SimProjectItem, SimTime, TICKS_PER_SECOND } from "../../src/sim/premiere-dom";
import { PremiereSimulator } from "../../src/sim/premiere-simulator";
import { createSampleProject } from "../../src/sim/sample-project";
import { sampleMedia } from "../../src/testing/sample-media";
import { ROOT } from "../../src/testing/paths";
import { PLATFORMS } from "../../src/testing/simulated-host";

describe("npm run sim:coverage", () => {
  const cli = (...args: string[]) =>
    spawnSync(
      process.execPath,
      [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/sim-coverage.ts", ...args],
      {
        cwd: ROOT,
        encoding: "utf8",
      },
    );

  it("finds every declared member of the modelled classes in the simulator, and exits 0", () => {
    const { classes } = simCoverage();
    expect(classes.flatMap((c) => c.missing.map((m) => `${c.name}.${m}`))).toEqual([]);
    expect(classes.find((c) => c.name === "TrackItem")!.declared).toBeGreaterThan(20);
    const run = cli();
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^TrackItem\s+26\s+26\s+0$/m);
  });

  it("fails, naming the member, when the declarations hold one the simulator lacks", () => {
    const dts = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "rl-dts-")), "premiere.d.ts");
    fs.writeFileSync(dts, "declare class Time {\n  seconds: number\n  ticks: string\n  frobnicate(): void\n}\n");
    expect(simCoverage(dts).classes.find((c) => c.name === "Time")!.missing).toEqual(["frobnicate"]);
    const run = cli(dts);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("missing from the simulator: Time.frobnicate");
  });
});

describe("engine-bound members", () => {
  it.each([
    ["app.encoder.encodeFile('a', 'b', 'c')", "Encoder.encodeFile"],
    ["app.project.activeSequence.autoReframeSequence(9, 16, 'default', 'x', false)", "Sequence.autoReframeSequence"],
    ["app.anywhere.listProductions()", "Anywhere.listProductions"],
  ])("%s fails with a named error, not `undefined is not a function`", (script, member) => {
    const simulator = new PremiereSimulator({ project: createSampleProject() });
    const message = simulator.realm.run(
      `(function () { try { ${script}; return "ran"; } catch (e) { return e.message; } })()`,
    );
    expect(message).toBe(`${member} is not available in the simulator (it needs Premiere's own engine)`);
  });
});

describe("Time", () => {
  it("keeps ticks and seconds consistent when either is written", () => {
    const t = new SimTime();
    t.seconds = 1.5;
    expect(t.ticks).toBe(String(1.5 * TICKS_PER_SECOND));
    t.ticks = String(TICKS_PER_SECOND * 2);
    expect(t.seconds).toBe(2);
  });

  it.each([
    [25, 101, 2 * 3600 * 25 + 61 * 25 + 7, "02:01:01:07"],
    [24, 100, 24 * 60, "00:01:00:00"],
    [29.97, 102, 1800, "00:01:00;02"], // drop frame skips ;00 and ;01 at the minute
    [29.97, 102, 17982, "00:10:00;00"], // ...but not at the tenth minute
    [29.97, 103, 1800, "00:01:00:00"],
    [59.94, 106, 3600, "00:01:00;04"],
    [25, 109, 1234, "1234"],
  ])("formats frame %#: %s fps, format %s", (fps, format, frame, expected) => {
    const frameTime = new SimTime(
      Math.round(TICKS_PER_SECOND / (fps === 29.97 ? 30000 / 1001 : fps === 59.94 ? 60000 / 1001 : fps)),
    );
    const at = new SimTime(Number(frameTime.ticks) * frame);
    expect(at.getFormatted(frameTime, format)).toBe(expected);
  });
});

const SCRIPT = `(function () {
  var count = 0;
  function walk(bin) {
    for (var i = 0; i < bin.children.numItems; i++) {
      var child = bin.children[i];
      count++;
      if (child.type === ProjectItemType.BIN) walk(child);
    }
  }
  walk(app.project.rootItem);
  var clip = app.project.rootItem.children[0].children[0].children[0];
  var NS = "http://ns.adobe.com/premierePrivateProjectMetaData/1.0/";
  var packet = '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:p="' + NS + '"><p:Column.Intrinsic.LogNote>kitchen take 2</p:Column.Intrinsic.LogNote><p:Column.PropertyText.Description>oven</p:Column.PropertyText.Description></rdf:Description></rdf:RDF></x:xmpmeta>';
  clip.setProjectMetadata(packet, ["Column.Intrinsic.LogNote", "Column.PropertyText.Description"]);
  var columns = clip.getProjectMetadata();
  new ExternalObject("lib:" + (Folder.fs === "Windows" ? "AdobeXMPScript.dll" : "AdobeXMPScript"));
  var xmp = new XMPMeta(clip.getXMPMetadata());
  xmp.appendArrayItem(XMPConst.NS_DC, "subject", "oven", 0, XMPConst.ARRAY_IS_ORDERED);
  xmp.appendArrayItem(XMPConst.NS_DC, "subject", "hob");
  clip.setXMPMetadata(xmp.serialize());
  var reread = new XMPMeta(clip.getXMPMetadata());
  var subjects = reread.getArrayItem(XMPConst.NS_DC, "subject", 1).value + "+" + reread.getArrayItem(XMPConst.NS_DC, "subject", 2).value;
  var seq = app.project.createNewSequence("Script sequence", "placeholder");
  seq.videoTracks[1].overwriteClip(clip, 2);
  seq.markers.createMarker(1, "start", 0, "from the script").setColorByIndex(3);
  seq.markers.createMarker(0.5, "earlier", 0, "");
  seq.setPlayerPosition(String(${TICKS_PER_SECOND} * 3));
  var under = seq.videoTracks[1].clips[0];
  app.enableQE();
  var out = Folder.temp.fsName + (Folder.fs === "Windows" ? "\\\\" : "/") + "sim-script-frame";
  qe.project.getActiveSequence().exportFramePNG("00:00:02:12", out);
  $.sleep(1000);
  var frame = new File(out + ".png");
  var result = [count, columns.indexOf("kitchen take 2") > 0, columns.indexOf("oven") > 0,
    seq.markers.numMarkers, seq.markers.getFirstMarker().name, seq.markers[1].getColorByIndex(),
    under.name, under.start.seconds, frame.exists && frame.length > 0, subjects, frame.fsName];
  frame.remove();
  return result.join("|");
})()`;

describe.each(PLATFORMS)("an unmodified ExtendScript on the %s simulator", (platform) => {
  it("walks a 2,000-item project, writes built-in columns, builds a sequence with markers, exports a frame", () => {
    const project = createSampleProject(sampleMedia());
    const bin = project.rootItem.add(new SimProjectItem("Bulk", ProjectItemType.BIN));
    const h264 = sampleMedia().h264;
    for (let i = 0; i < 1993; i++) bin.add(new SimProjectItem(`clip ${i}.mp4`, ProjectItemType.CLIP, h264));
    const simulator = new PremiereSimulator({ project, platform });
    const total = project.allItems().length;
    expect(total).toBeGreaterThanOrEqual(2000);
    const parts = simulator.evalScript(SCRIPT).split("|");
    expect(parts.slice(0, 10)).toEqual([
      String(total),
      "true",
      "true",
      "2",
      "earlier",
      "3",
      "kitchen-oven-cleaning-MID.mp4",
      "2",
      "true",
      "oven+hob",
    ]);
    expect(parts[10]).toMatch(
      platform === "windows" ? /^C:\\.*\\sim-script-frame\.png$/ : /^\/.*\/sim-script-frame\.png$/,
    );
    expect(fs.existsSync(simulator.paths.toReal(parts[10]))).toBe(false);
  });
});
