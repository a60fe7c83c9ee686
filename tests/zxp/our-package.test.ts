// Our own signed package: our verifier, Debian's xmlsec1, a local RFC 3161 TSA, and the unzipped
// tree loading in the browser-preview harness like an installed extension.
import { execFileSync, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSelfSigned, readP12, writeP12 } from "../../src/zxp/certificate";
import { packageExtension } from "../../src/zxp/package-extension";
import { verifyZxp } from "../../src/zxp/verify-zxp";
import { readZip } from "../../src/zxp/zip";
import { PremiereSimulator } from "../../src/sim/premiere-simulator";
import { createSampleProject } from "../../src/sim/sample-project";
import { startPreviewServer } from "../../src/server/preview-server";
import { launchChromium } from "../../src/testing/chromium";
import { DIST } from "../../src/testing/paths";
import { startTestTsa, type TestTsa } from "../helpers/test-tsa";
import { TINY_CLIP_DIR } from "../../src/testing/tiny-clip";

const identity = createSelfSigned({ country: "GB", organization: "EAV Test Studio" }).identity;
const work = fs.mkdtempSync(path.join(os.tmpdir(), "rl-zxp-"));
let tsa: TestTsa;
let plain: Buffer;

beforeAll(async () => {
  tsa = await startTestTsa();
  plain = (await packageExtension({ extensionDir: DIST, identity })).zxp;
});
afterAll(async () => tsa?.close());

/** xmlsec1 reports on stderr; it exits non-zero when a reference fails. */
function xmlsecVerify(dir: string): { status: number | null; out: string } {
  const r = spawnSync("xmlsec1", ["--verify", "--id-attr:Id", "Manifest", "--insecure", "META-INF/signatures.xml"], {
    cwd: dir,
    encoding: "utf8",
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

function unzipTo(zxp: Buffer, dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(work, `${crypto.randomUUID()}.zxp`);
  fs.writeFileSync(file, zxp);
  execFileSync("unzip", ["-q", "-o", file, "-d", dir]);
  return dir;
}

describe("our signed ZXP", () => {
  it("passes our verifier, with mimetype first and stored", async () => {
    const verdict = await verifyZxp(plain);
    expect(verdict.firstProblem).toBeNull();
    const entries = await readZip(plain);
    expect(entries[0]).toMatchObject({ name: "mimetype", compressionMethod: 0 });
    expect(entries.at(-1)?.name).toBe("META-INF/signatures.xml");
  });

  it("holds the manifest, panel, jsx and onnxruntime WASM, and no dev files or source maps", async () => {
    const names = (await readZip(plain)).map((e) => e.name);
    for (const needed of [
      "CSXS/manifest.xml",
      "main/index.html",
      "jsx/index.js",
      "ort/ort-wasm.wasm",
      "ort/ort-wasm-simd.wasm",
      "icons/icon-dark.png",
      "self-check/sample.mp4", // the self-check's sample clip (docs/adr/0023)
    ]) {
      expect(names).toContain(needed);
    }
    expect(names.some((n) => n.endsWith(".map") || n === ".debug")).toBe(false);
    // the panel, its embedding worker and the offline copy's matcher worker
    const scripts = names.filter((n) => n.startsWith("assets/") && n.endsWith(".js"));
    expect(scripts.map((n) => n.replace(/-[\w-]{8}\.js$/, ".js")).sort()).toEqual([
      "assets/copy-matcher.worker.js",
      "assets/embedding.worker.js",
      "assets/main.js",
    ]);
  });

  it("verifies with Debian's xmlsec1, independently", () => {
    const { status, out } = xmlsecVerify(unzipTo(plain, path.join(work, "xmlsec")));
    expect(status).toBe(0);
    expect(out).toMatch(/^OK$/m);
    expect(out).toMatch(/SignedInfo References \(ok\/all\): 1\/1/);
    const signed = (out.match(/Manifests References \(ok\/all\): (\d+)\/(\d+)/) ?? []).slice(1);
    expect(signed[0]).toBe(signed[1]);
  });

  it("adds an RFC 3161 timestamp over the SignatureValue in ZXPSignCmd's imprint form when a TSA is given", async () => {
    const { zxp } = await packageExtension({ extensionDir: DIST, identity, tsaUrl: tsa.url });
    expect(tsa.requests).toHaveLength(1);
    expect(tsa.requests[0]).toMatchObject({ hashAlgorithm: "2.16.840.1.101.3.4.2.1", certReq: true, hasNonce: true });
    expect(tsa.requests[0].imprint).toHaveLength(32);
    const verdict = await verifyZxp(zxp);
    expect(verdict.firstProblem).toBeNull();
    expect(verdict.timestamp).toMatchObject({
      tsa: "Reference Lookup Test TSA",
      form: "imprint",
      hashAlgorithm: "sha256",
    });
    expect(verdict.checks.find((c) => c.name === "timestamp")).toMatchObject({ ok: true });
    // and xmlsec1 still accepts the signature with the XAdES object in it
    const { status, out } = xmlsecVerify(unzipTo(zxp, path.join(work, "xmlsec-ts")));
    expect(status).toBe(0);
    expect(out).toMatch(/^OK$/m);
  });

  it("bundles a model and studio defaults when asked, and refuses broken ones", async () => {
    const config = path.join(work, "studio.json");
    fs.writeFileSync(
      config,
      JSON.stringify({ catalog: { url: "https://abc.supabase.co", anonKey: "a.b.c" }, model: { source: "bundled" } }),
    );
    const { zxp, files } = await packageExtension({
      extensionDir: DIST,
      identity,
      modelDir: TINY_CLIP_DIR,
      studioConfigFile: config,
    });
    expect(files).toContain("model/onnx/vision_model_quantized.onnx");
    expect(files).toContain("config/studio.json");
    expect((await verifyZxp(zxp)).ok).toBe(true);
    fs.writeFileSync(config, JSON.stringify({ catalog: { url: "ftp://nope", anonKey: "x" } }));
    await expect(packageExtension({ extensionDir: DIST, identity, studioConfigFile: config })).rejects.toThrow(
      /catalog.url must be an http\(s\) URL/,
    );
    await expect(packageExtension({ extensionDir: DIST, identity, modelDir: work })).rejects.toThrow(
      /is missing config.json/,
    );
  });

  it("signs with a studio .p12 as well", async () => {
    const p12 = path.join(work, "studio.p12");
    writeP12(p12, createSelfSigned({ country: "DE", organization: "Studio Köln" }).pem, "s3cret");
    const { zxp } = await packageExtension({ extensionDir: DIST, identity: readP12(p12, "s3cret") });
    const verdict = await verifyZxp(zxp);
    expect(verdict.ok).toBe(true);
    expect(verdict.certificate?.subject).toContain("O=Studio Köln");
    expect(() => readP12(p12, "wrong")).toThrow(/wrong password|cannot open/);
  });

  it("unzipped into a CEP extensions folder, its manifest, jsx and panel load in the preview harness", async () => {
    const extensions = path.join(work, "Adobe/CEP/extensions");
    const installed = unzipTo(plain, path.join(extensions, "com.eav.referencelookup"));
    const manifest = fs.readFileSync(path.join(installed, "CSXS/manifest.xml"), "utf8");
    const mainPath = /<MainPath>\.\/([^<]+)<\/MainPath>/.exec(manifest)![1];
    const scriptPath = /<ScriptPath>\.\/([^<]+)<\/ScriptPath>/.exec(manifest)![1];
    const simulator = new PremiereSimulator({ project: createSampleProject() }).loadBundle(
      path.join(installed, scriptPath),
    );
    const server = await startPreviewServer({ extensionDir: installed, simulator });
    const browser = await launchChromium(chromium);
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(`${server.url}/${mainPath}`);
      await expect.poll(() => page.getByTestId("project-name").textContent()).toBe("Küche Ep 3.prproj");
      expect(errors).toEqual([]);
      // the self-check's host side finds the small sample clip the package ships beside its bundle
      expect(fs.statSync(path.join(installed, "self-check/sample.mp4")).size).toBeLessThan(100_000);
      const call = (fn: string, args: unknown[]) =>
        JSON.parse(
          simulator.evalScript(
            `__referenceLookup.dispatch(${JSON.stringify(fn)}, ${JSON.stringify(JSON.stringify(args))})`,
          ),
        ) as { ok: boolean; value: { binNodeId: string; folder: string; clip: { name: string } } };
      const begun = call("beginSelfCheck", [{}]);
      expect(begun).toMatchObject({ ok: true, value: { clip: { name: "sample.mp4" } } });
      expect(call("endSelfCheck", [{ binNodeId: begun.value.binNodeId, folder: begun.value.folder }]).ok).toBe(true);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
