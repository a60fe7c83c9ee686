// ExtendScript's File, Folder and $ on the simulated macOS and Windows, and the confinement the
// preview uses: nothing outside the simulator's folders is read, written or removed.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PremiereSimulator } from "../../src/sim/premiere-simulator";
import { createSampleProject } from "../../src/sim/sample-project";

let base: string;
beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), "rl-files-"));
  fs.mkdirSync(path.join(base, "home", "Documents"), { recursive: true });
  fs.mkdirSync(path.join(base, "temp"));
  fs.mkdirSync(path.join(base, "outside"));
  fs.writeFileSync(path.join(base, "outside", "keep.txt"), "outside");
});
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

function simulator(platform: "macos" | "windows", fileRoots?: string[]) {
  return new PremiereSimulator({
    project: createSampleProject(),
    platform,
    home: path.join(base, "home"),
    temp: path.join(base, "temp"),
    fileRoots,
  });
}
const run = (sim: PremiereSimulator, body: string) => String(sim.realm.run(`(function () { ${body} })()`));

describe.each(["macos", "windows"] as const)("File and Folder on %s", (platform) => {
  it("writes, reads line by line, appends, copies, renames and removes a file in ~/Documents", () => {
    const sim = simulator(platform);
    const out = run(
      sim,
      `var f = new File("~/Documents/notes.txt");
      f.encoding = "UTF-8";
      f.open("w"); f.writeln("Küche"); f.write("take 2"); f.close();
      f.open("a"); f.writeln(""); f.writeln("more"); f.close();
      f.open("r"); var lines = [f.readln(), f.readln(), f.readln()]; var eof = f.eof; f.close();
      var copy = new File(f.path + "/copy.txt"); var copied = f.copy(copy);
      var renamed = copy.rename("renamed.txt");
      var listed = Folder.myDocuments.getFiles("*.TXT").length;
      var parent = f.parent.displayName;
      var removed = f.remove() && copy.remove();
      return [lines.join("/"), eof, copied, renamed, copy.displayName, listed, parent, removed, f.exists, f.length].join("|");`,
    );
    // "*.TXT" finds ".txt" files: both platforms' default volumes are case-insensitive
    expect(out).toBe("Küche/take 2/more|true|true|true|renamed.txt|2|Documents|true|false|-1");
  });

  it("spells paths the platform's way: $.os, Folder.fs, separators, drive letters, ~", () => {
    const sim = simulator(platform);
    const out = run(
      sim,
      `var t = Folder.temp; return [$.os, Folder.fs, File.fs, t.fsName, new File("~/Documents/x.txt").fullName].join("|");`,
    ).split("|");
    const tempHost = sim.paths.toHost(path.join(base, "temp"));
    expect(out[1]).toBe(platform === "windows" ? "Windows" : "Macintosh");
    expect(out[0]).toMatch(platform === "windows" ? /^Windows/ : /^Macintosh/);
    expect(out[3]).toBe(tempHost);
    if (platform === "windows") expect(tempHost).toMatch(/^C:\\.*\\temp$/);
    expect(out[4]).toBe("~/Documents/x.txt");
  });

  it("gives dates as the script's own Date, and resolves relative names against Folder.current", () => {
    const sim = simulator(platform);
    const out = run(
      sim,
      `Folder.current = Folder.myDocuments;
      var f = new File("relative.txt"); f.open("w"); f.write("x"); f.close();
      var result = [f.modified instanceof Date, f.modified.getTime() > 0, f.parent.displayName, f.exists];
      f.remove();
      return result.join("|");`,
    );
    expect(out).toBe("true|true|Documents|true");
  });

  it("loads ExternalObject libraries by the names real scripts use", () => {
    const sim = simulator(platform);
    const suffix = platform === "windows" ? ".dll" : ".framework";
    expect(run(sim, `new ExternalObject("lib:PlugPlugExternalObject${suffix}"); return typeof CSXSEvent;`)).toBe(
      "function",
    );
    expect(
      run(sim, `try { new ExternalObject("lib:Nonsense"); return "loaded"; } catch (e) { return "refused"; }`),
    ).toBe("refused");
  });

  it("touches nothing outside its folders when confined", () => {
    const sim = simulator(platform, [path.join(base, "temp")]);
    const outside = sim.paths.toHost(path.join(base, "outside", "keep.txt"));
    const out = run(
      sim,
      `var f = new File(${JSON.stringify(outside)});
      var result = [f.exists, f.open("r"), f.remove(), f.error.indexOf("outside the simulator's folders") >= 0,
        new Folder(f.path + "/new").create(), new File(Folder.temp.fsName + "/inside.txt").open("w")];
      return result.join("|");`,
    );
    expect(out).toBe("false|false|false|true|false|true");
    expect(fs.readFileSync(path.join(base, "outside", "keep.txt"), "utf8")).toBe("outside");
    expect(fs.existsSync(path.join(base, "outside", "new"))).toBe(false);
  });
});

describe("case rules", () => {
  it.each(["windows", "macos"] as const)("names match case-insensitively on %s, as NTFS and APFS do", (platform) => {
    const sim = simulator(platform);
    fs.writeFileSync(path.join(base, "home", "Documents", "Mixed Case.TXT"), "x");
    const upper = sim.paths.toHost(path.join(base, "home", "DOCUMENTS", "mixed case.txt"));
    expect(run(sim, `return new File(${JSON.stringify(upper)}).exists;`)).toBe("true");
  });

  it("a case-sensitive macOS volume tells them apart", () => {
    const sim = new PremiereSimulator({ project: null, platform: "macos", caseSensitive: true, home: base });
    const upper = path.join(base, "home", "DOCUMENTS", "mixed case.txt");
    expect(run(sim, `return new File(${JSON.stringify(upper)}).exists;`)).toBe("false");
  });
});
