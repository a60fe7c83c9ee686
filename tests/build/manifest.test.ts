import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DIST } from "../../src/testing/paths";

const manifest = () => fs.readFileSync(path.join(DIST, "CSXS/manifest.xml"), "utf8");
const all = (xml: string, re: RegExp) => [...xml.matchAll(re)].map((m) => m[1]);

describe("built CSXS/manifest.xml", () => {
  it("targets Premiere Pro (PPRO) 2023 to 2026", () => {
    const hosts = [...manifest().matchAll(/<Host Name="([^"]+)" Version="\[([\d.]+),([\d.]+)\]"/g)];
    expect(hosts).toHaveLength(1);
    const [, name, low, high] = hosts[0];
    expect(name).toBe("PPRO");
    expect(Number(low)).toBeLessThanOrEqual(23.0); // Premiere 2023 = 23.x
    expect(Number(high)).toBeGreaterThanOrEqual(26.9); // Premiere 2026 = 26.x: its admins run the self-check
  });

  it("requires CSXS 11, which CEP 11 and CEP 12 hosts both satisfy", () => {
    expect(all(manifest(), /<RequiredRuntime Name="CSXS" Version="([\d.]+)"/g)).toEqual(["11.0"]);
    expect(manifest()).toMatch(/<ExtensionManifest[^>]*Version="6\.0"/);
  });

  it("starts the panel with Node enabled in a mixed context, and file access for the worker and WASM", () => {
    expect(all(manifest(), /<Parameter>([^<]+)<\/Parameter>/g)).toEqual([
      "--enable-nodejs",
      "--mixed-context",
      "--allow-file-access",
      "--allow-file-access-from-files",
    ]);
  });

  it("points at files that exist in the build: page, host script and icons", () => {
    const xml = manifest();
    const referenced = [
      ...all(xml, /<MainPath>([^<]+)<\/MainPath>/g),
      ...all(xml, /<ScriptPath>([^<]+)<\/ScriptPath>/g),
      ...all(xml, /<Icon Type="[^"]+">([^<]+)<\/Icon>/g),
    ];
    expect(referenced).toContain("./main/index.html");
    expect(referenced).toContain("./jsx/index.js");
    expect(referenced).not.toContain("undefined");
    for (const rel of referenced) expect(fs.existsSync(path.join(DIST, rel)), rel).toBe(true);
  });

  it("declares one panel extension with a menu name and size", () => {
    const xml = manifest();
    expect(all(xml, /<Extension Id="([^"]+)" Version=/g)).toEqual(["com.eav.referencelookup.main"]);
    expect(xml).toContain("<Menu>Reference Lookup</Menu>");
    expect(xml).toContain("<Type>Panel</Type>");
  });
});
