// ADR-0014's boundaries as the linter holds them: src/shared imports nothing outside itself, and
// the host bundle (src/jsx) takes only src/shared and itself, no package.
import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../../src/testing/paths";

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** the no-restricted-imports messages for one import line in a file at `file` */
async function refusals(file: string, specifier: string): Promise<string[]> {
  const code = `import { x } from "${specifier}";\nexport var y = x;\n`;
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("src/shared imports nothing outside itself", () => {
  it.each([
    ["src/shared/metadata/probe.ts", "../../lib/theme/host-skin"],
    ["src/shared/metadata/probe.ts", "../../server/catalog/server"],
    ["src/shared/metadata/probe.ts", "zustand"],
    ["src/shared/probe.ts", "../lib/studio-config"],
    ["src/shared/probe.ts", "node:fs"],
  ])("%s may not import %s", async (file, specifier) => {
    expect(await refusals(file, specifier)).toEqual([expect.stringMatching(/src\/shared imports nothing outside/)]);
  });

  it.each([
    ["src/shared/metadata/probe.ts", "../bridge/contract"],
    ["src/shared/metadata/probe.ts", "./ia-metadata"],
    ["src/shared/probe.ts", "./messages"],
  ])("%s may import %s", async (file, specifier) => {
    expect(await refusals(file, specifier)).toEqual([]);
  });
});

describe("the host bundle takes only src/shared and itself", () => {
  it.each([
    ["src/jsx/host/probe.ts", "../../lib/catalog"],
    ["src/jsx/host/probe.ts", "../../sim/premiere-dom"],
    ["src/jsx/host/probe.ts", "json2"],
  ])("%s may not import %s", async (file, specifier) => {
    expect(await refusals(file, specifier)).not.toEqual([]);
  });

  it("imports src/shared", async () => {
    expect(await refusals("src/jsx/host/probe.ts", "../../shared/bridge/contract")).toEqual([]);
  });
});
