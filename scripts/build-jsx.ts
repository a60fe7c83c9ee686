// Builds the ExtendScript bundle dist/cep/jsx/index.js: TypeScript -> ES3 with Babel, one IIFE,
// json2 in front (ExtendScript has no JSON), no comments, ASCII only.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { rollup } from "rollup";
import { babel } from "@rollup/plugin-babel";
import { nodeResolve } from "@rollup/plugin-node-resolve";
import { transformSync } from "@babel/core";

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, "..");
export const JSX_OUT = path.join(root, "dist/cep/jsx/index.js");
const extensions = [".ts", ".js"];

// "ie 6" is the target that yields ES3 syntax; anything newer lets ES5 slip through.
const presetEnv = ["@babel/preset-env", { targets: "ie 6", loose: true, modules: false, bugfixes: false }];

function json2Source(): string {
  const source = fs.readFileSync(require.resolve("json-js/json2.js"), "utf8");
  const out = transformSync(source, {
    babelrc: false,
    configFile: false,
    comments: false,
    sourceType: "script",
    presets: [[presetEnv[0], { ...(presetEnv[1] as object), modules: false }]],
  });
  if (!out?.code) throw new Error("could not compile json2");
  return out.code;
}

export async function buildJsx(outFile = JSX_OUT): Promise<string> {
  const bundle = await rollup({
    input: path.join(root, "src/jsx/index.ts"),
    treeshake: true,
    plugins: [
      nodeResolve({ extensions }),
      babel({
        extensions,
        babelrc: false,
        configFile: false,
        babelHelpers: "bundled",
        comments: false,
        presets: [presetEnv, ["@babel/preset-typescript", {}]],
      }),
    ],
  });
  const { output } = await bundle.generate({ format: "iife", name: undefined, strict: false });
  await bundle.close();
  const code = [json2Source(), output[0].code].join("\n");
  // Non-ASCII text in evaluated files has broken ExtendScript (docs/facts/premiere-and-cep.md): refuse to ship it.
  const offending = code.match(/[\u0080-\uffff]/);
  if (offending) throw new Error(`ExtendScript bundle contains non-ASCII text near: ${offending.index}`);
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, code);
  return outFile;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = await buildJsx();
  console.log(`jsx: ${path.relative(root, file)} (${fs.statSync(file).size} bytes)`);
}
