// The project model behaves as Premiere's does when ExtendScript changes it: bins, media paths,
// colour labels, markers, tracks and track items, sequences, and the application's members.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { PremiereSimulator } from "../../src/sim/premiere-simulator";
import { createSampleProject } from "../../src/sim/sample-project";
import { sampleMedia } from "../../src/testing/sample-media";
import { PLATFORMS } from "../../src/testing/simulated-host";

const TPS = 254016000000;

describe.each(PLATFORMS)("the simulated DOM on %s", (platform) => {
  const sim = () => new PremiereSimulator({ project: createSampleProject(sampleMedia()), platform });
  const run = (s: PremiereSimulator, body: string) => String(s.realm.run(`(function () { ${body} })()`));
  const oven = "app.project.rootItem.children[0].children[0].children[0]";

  it("creates, renames, moves and deletes bins", () => {
    const s = sim();
    const out = run(
      s,
      `var root = app.project.rootItem;
      var selects = root.createBin("Selects");
      var inner = selects.createBin("Day 1");
      inner.renameBin("Day One");
      var clip = ${oven};
      clip.moveBin(inner);
      var moved = clip.treePath;
      inner.moveBin(inner); // not into itself
      var before = root.children.numItems;
      selects.deleteBin();
      return [moved, before, root.children.numItems, clip.createBin("x") === undefined].join("|");`,
    );
    expect(out).toBe("\\Küche Ep 3.prproj\\Selects\\Day One\\kitchen-oven-cleaning-MID.mp4|3|2|true");
  });

  it("relinks media, takes it offline and back, and keeps colour labels in range", () => {
    const s = sim();
    const prores = s.paths.toHost(sampleMedia().prores.path);
    const out = run(
      s,
      `var clip = ${oven};
      var can = clip.canChangeMediaPath();
      var missing = clip.changeMediaPath(${JSON.stringify(s.paths.toHost("/nowhere/gone.mov"))}, true);
      var relinked = clip.changeMediaPath(${JSON.stringify(prores)}, true);
      var path = clip.getMediaPath();
      clip.setOffline(); var off = clip.isOffline();
      clip.refreshMedia(); var back = clip.isOffline();
      clip.setColorLabel(7); clip.setColorLabel(99);
      var seq = app.project.sequences[0].projectItem.canChangeMediaPath();
      return [can, missing, relinked, path === ${JSON.stringify(prores)}, off, back, clip.getColorLabel(), seq].join("|");`,
    );
    expect(out).toBe("true|false|true|true|true|false|7|false");
  });

  it("keeps markers in time order, with colours, types and removal", () => {
    const s = sim();
    const out = run(
      s,
      `var m = app.project.activeSequence.markers;
      var late = m.createMarker(5, "late", 1, "note");
      var early = m.createMarker(1, "early", 0, "");
      late.setColorByIndex(4); late.setTypeAsChapter(); early.setTypeAsWebLink("https://eav.local", "frame");
      var order = [m[0].name, m.getNextMarker(m.getFirstMarker()).name, m.getLastMarker().end.seconds];
      m.deleteMarker(early);
      return order.concat([m.numMarkers, late.getColorByIndex(), late.type, early.getWebLinkURL(), ${oven}.getMarkers().numMarkers]).join("|");`,
    );
    expect(out).toBe("early|late|6|1|4|Chapter|https://eav.local|0");
  });

  it("edits tracks: overwrite trims what it covers, insert ripples, remove with ripple closes the gap", () => {
    const s = sim();
    const out = run(
      s,
      `var seq = app.project.createNewSequence("Edit", "id");
      var v1 = seq.videoTracks[0];
      var clip = ${oven};
      v1.overwriteClip(clip, 0);           // 0-4 s
      v1.overwriteClip(clip, 2);           // trims the first to 0-2, adds 2-6
      var afterOverwrite = [v1.clips.numItems, v1.clips[0].end.seconds, v1.clips[1].start.seconds];
      v1.insertClip(clip, 0);              // 0-4, the others pushed right by 4 s
      var afterInsert = [v1.clips.numItems, v1.clips[1].start.seconds, seq.end / ${TPS}];
      v1.clips[0].remove(true, true);
      var afterRemove = [v1.clips.numItems, v1.clips[0].start.seconds];
      var item = v1.clips[0]; item.setSelected(true, true);
      return [afterOverwrite, afterInsert, afterRemove, seq.getSelection().length, item.parentTrackIndex, item.duration.seconds].join("|");`,
    );
    expect(out).toBe("2,2,2|3,4,10|2,0|1|0|2");
  });

  it("clones a sequence and makes a subsequence of its in–out range", () => {
    const s = sim();
    const out = run(
      s,
      `var seq = app.project.activeSequence;
      var copy = seq.clone();
      seq.setInPoint(1); seq.setOutPoint(3);
      var sub = seq.createSubsequence(false);
      var item = sub.videoTracks[0].clips[0];
      return [copy.name, app.project.sequences.numSequences, sub.end / ${TPS}, item.inPoint.seconds].join("|");`,
    );
    expect(out).toBe("Ep 3 assembly Copy|3|2|1");
  });

  it("keyframes a track item's Motion scale and reads values between keys", () => {
    const s = sim();
    const out = run(
      s,
      `var item = app.project.activeSequence.videoTracks[0].clips[0];
      var motion = null;
      for (var i = 0; i < item.components.numItems; i++) if (item.components[i].displayName === "Motion") motion = item.components[i];
      var scale = motion.properties.getParamForDisplayName("Scale");
      var t0 = new Time(); t0.seconds = 0; var t2 = new Time(); t2.seconds = 2; var t1 = new Time(); t1.seconds = 1;
      scale.setTimeVarying(true);
      scale.addKey(t0); scale.setValueAtKey(t0, 100, true);
      scale.addKey(t2); scale.setValueAtKey(t2, 200, true);
      return [scale.getKeys().length, scale.getValueAtTime(t1), scale.findNextKey(t0).seconds,
        motion.matchName, document.getFilePath() === app.project.path, ProjectItemType.BIN].join("|");`,
    );
    expect(out).toBe("2|150|2|AE.ADBE Motion|true|2");
  });

  it("answers the application's members", () => {
    const s = sim();
    const out = run(
      s,
      `var view = app.getProjectViewIDs()[0];
      ${oven}.select();
      var selected = app.getProjectViewSelection(view)[0].name;
      app.setProjectViewSelection([app.project.rootItem.children[0]], view);
      app.properties.setProperty("MZ.Prefs.Test", "1", 1, true);
      app.setExtensionPersistent("com.eav.referencelookup.panel", 1);
      return [app.projects.numProjects, app.getProjectFromViewID(view).documentID === app.project.documentID,
        selected, app.getCurrentProjectViewSelection()[0].name, app.build.length > 0, app.isDocumentOpen(),
        app.properties.getProperty("MZ.Prefs.Test"), app.properties.doesPropertyExist("nope")].join("|");`,
    );
    expect(out).toBe("1|true|kitchen-oven-cleaning-MID.mp4|Footage|true|true|1|false");
    expect(s.app.persistentExtensions.get("com.eav.referencelookup.panel")).toBe(1);
  });

  it("imports files that exist, reading their size, rate and duration, and opens one in the Source Monitor", () => {
    const s = sim();
    const still = s.paths.toHost(sampleMedia().still.path);
    const frames = s.paths.toHost(sampleMedia().imageSequence.path);
    const out = run(
      s,
      `var ok = app.project.importFiles([${JSON.stringify(still)}], true, app.project.rootItem, false);
      var seq = app.project.importFiles([${JSON.stringify(frames)}], true, app.project.rootItem, true);
      var missing = app.project.importFiles([${JSON.stringify(s.paths.toHost("/nowhere/x.jpg"))}]);
      var opened = app.sourceMonitor.openFilePath(${JSON.stringify(still)});
      return [ok, seq, missing, app.project.rootItem.children.numItems, opened, app.sourceMonitor.getProjectItem().name].join("|");`,
    );
    expect(out).toBe("true|true|false|4|true|kitchen-hob-CU.jpg");
    const imported = s.app.project!.rootItem.childItems.slice(-2).map((i) => i.media);
    expect(imported).toMatchObject([
      { width: 640, height: 360, durationSeconds: 0, frameRate: 0 },
      { width: 320, height: 180, durationSeconds: 0.4, frameRate: 25 },
    ]);
    expect(fs.existsSync(sampleMedia().still.path)).toBe(true);
  });
});
