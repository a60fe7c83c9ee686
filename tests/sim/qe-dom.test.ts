// The QE DOM objects the host reaches (qe, qe.project, its sequences, tracks and items), driven
// by ExtendScript: reads, the CTI, track flags, frame exports in other formats, named refusals.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PremiereSimulator } from "../../src/sim/premiere-simulator";
import { createSampleProject } from "../../src/sim/sample-project";
import { sampleMedia } from "../../src/testing/sample-media";
import { PLATFORMS } from "../../src/testing/simulated-host";

describe.each(PLATFORMS)("the QE DOM on %s", (platform) => {
  it("reads the project and the active sequence, moves the CTI and mutes a track", () => {
    const sim = new PremiereSimulator({ project: createSampleProject(sampleMedia()), platform });
    const out = String(
      sim.realm.run(`(function () {
        app.enableQE();
        var q = qe.project.getActiveSequence();
        q.setCTI("00:00:01:05");
        var v1 = q.getVideoTrackAt(0);
        q.muteTracks("1", true);
        return [qe.project.numSequences, qe.project.numBins, q.name, q.numVideoTracks, v1.numItems,
          app.project.activeSequence.getPlayerPosition().seconds, v1.isMuted(), qe.project.findItemByID(
          app.project.rootItem.children[0].children[0].children[0].nodeId).name, q.isOpen()].join("|");
      })()`),
    );
    expect(out).toBe("1|2|Ep 3 assembly|3|1|1.2|true|kitchen-oven-cleaning-MID.mp4|true");
  });

  it("in the player-position mode renders the CTI whatever time it is given", () => {
    const sim = new PremiereSimulator({
      project: createSampleProject(sampleMedia()),
      platform,
      qeExportMode: "player-position",
    });
    sim.realm.run(`(function () {
      app.enableQE();
      var q = qe.project.getActiveSequence();
      q.setCTI("00:00:01:00");
      q.exportFramePNG("00:00:00:05", Folder.temp.fsName + "/qe-cti-a");
      q.exportFramePNG("00:00:03:00", Folder.temp.fsName + "/qe-cti-b");
      $.sleep(1000);
    })()`);
    expect(sim.exports.map((e) => e.sourceSeconds)).toEqual([1, 1]);
    for (const e of sim.exports) fs.rmSync(e.realPath);
  });

  it("exports a JPEG frame, and names what it cannot do", () => {
    const sim = new PremiereSimulator({ project: createSampleProject(sampleMedia()), platform });
    const out = String(
      sim.realm.run(`(function () {
        app.enableQE();
        var base = Folder.temp.fsName + "/qe-jpeg-" + ${JSON.stringify(platform)};
        qe.project.getActiveSequence().exportFrameJPEG("00:00:00:10", base);
        $.sleep(1000);
        var f = new File(base + ".jpg"); var written = f.exists; f.remove();
        var refused; try { qe.project.undo(); } catch (e) { refused = e.message; }
        return [written, refused].join("|");
      })()`),
    );
    expect(out).toBe("true|QE Project.undo is not available in the simulator (it needs Premiere's own engine)");
    expect(sim.exports.at(-1)!.writtenPath.endsWith(".jpg")).toBe(true);
    expect(fs.existsSync(sim.exports.at(-1)!.realPath)).toBe(false);
  });
});

describe.each(PLATFORMS)("QE's exportFramePNG as Premiere 26.x answers it, on %s", (platform) => {
  /** Calls exportFramePNG on the active QE sequence with the given argument list (ExtendScript
   * source), waits for the background write, and says what it returned and which files appeared. */
  function exportWith(hostVersion: string, args: (base: string) => string, options: { broken?: boolean } = {}) {
    const sim = new PremiereSimulator({
      project: createSampleProject(sampleMedia()),
      platform,
      hostVersion,
      brokenQeExport: options.broken,
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rl-qe26-"));
    const base = sim.paths.toHost(path.join(dir, "frame"));
    const returned = String(
      sim.realm.run(`(function () {
        app.enableQE();
        var base = ${JSON.stringify(base)};
        var r = qe.project.getActiveSequence().exportFramePNG(${args("base")});
        $.sleep(1000);
        return r;
      })()`),
    );
    const written = fs.readdirSync(dir);
    fs.rmSync(dir, { recursive: true });
    return { returned, written, calls: sim.qeExportCalls };
  }

  it("takes (timecode, path without extension) and writes the path with .png", () => {
    const { written, calls } = exportWith("26.0.0", (base) => `"00:00:00:10", ${base}`);
    expect(written).toEqual(["frame.png"]);
    expect(calls).toEqual([{ method: "exportFramePNG", args: ["00:00:00:10", expect.any(String)], accepted: true }]);
  });

  it.each([
    ["ticks instead of a timecode", (b: string) => `"25401600000", ${b}`],
    ["a number", (b: string) => `10, ${b}`],
    ["seconds", (b: string) => `"0.4", ${b}`],
    ["a path with .png", (b: string) => `"00:00:00:10", ${b} + ".png"`],
    ["a third argument", (b: string) => `"00:00:00:10", ${b}, true`],
    ["the path first", (b: string) => `${b}, "00:00:00:10"`],
  ])("given %s, returns false and writes nothing", (_what, args) => {
    const { returned, written, calls } = exportWith("26.3.1", args);
    expect(returned).toBe("false");
    expect(written).toEqual([]);
    expect(calls.map((c) => c.accepted)).toEqual([false]);
  });

  it("before 26 keeps the lenient quirks: a bare number read as frames, .png appended to .png", () => {
    expect(exportWith("25.6.0", (b) => `"10", ${b}`).written).toEqual(["frame.png"]);
    expect(exportWith("24.6.1", (b) => `"00:00:00:10", ${b} + ".png"`).written).toEqual(["frame.png.png"]);
  });

  it("broken on purpose, returns false and writes nothing even for the right form", () => {
    const { returned, written } = exportWith("24.6.1", (b) => `"00:00:00:10", ${b}`, { broken: true });
    expect(returned).toBe("false");
    expect(written).toEqual([]);
  });
});
