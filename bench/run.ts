// npm run bench -- <name> [options]: the one way to run a benchmark. Checks the name and the
// options, then runs bench/<name>/main.ts in a process of its own (so each bench starts clean).
// `npm run bench -- --help` lists the benches; `npm run bench -- <name> --help` shows one.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import { BENCHES, type Bench } from "./benches";

const list = () =>
  Object.entries(BENCHES)
    .map(([name, b]) => `  ${name.padEnd(14)}${b.summary}`)
    .join("\n");
const USAGE = `npm run bench -- <name> [options]   (or npm run bench:<name> -- [options])

Benchmarks (each writes bench/results/<name>-<date>….json):
${list()}

npm run bench -- <name> --help   that bench's options`;

const usageOf = (name: string, b: Bench) =>
  [
    `npm run bench -- ${name}${
      b.flags
        ? " [" +
          Object.keys(b.flags)
            .map((f) => `--${f}`)
            .join("] [") +
          "]"
        : ""
    }`,
    `  ${b.summary}`,
    ...Object.entries(b.flags ?? {}).map(([f, what]) => `  --${f.padEnd(18)}${what}`),
    ...(b.env ? ["environment (default):", ...Object.entries(b.env).map(([k, v]) => `  ${k.padEnd(20)}${v}`)] : []),
  ].join("\n");

function fail(message: string, usage: string): never {
  console.error(`bench: ${message}\n\n${usage}`);
  process.exit(2);
}

const [name, ...rest] = process.argv.slice(2);
if (!name || name === "--help" || name === "-h") {
  console.log(USAGE);
  process.exit(name ? 0 : 2);
}
const bench = BENCHES[name];
if (!bench) fail(`no benchmark called "${name}"`, USAGE);

let values: Record<string, unknown>;
try {
  ({ values } = parseArgs({
    args: rest,
    options: {
      help: { type: "boolean", short: "h" },
      ...Object.fromEntries(Object.keys(bench.flags ?? {}).map((f) => [f, { type: "boolean" as const }])),
    },
  }));
} catch (e) {
  fail((e as Error).message, usageOf(name, bench));
}
if (values.help) {
  console.log(usageOf(name, bench));
  process.exit(0);
}
const entry = path.join(import.meta.dirname, name, "main.ts");
const run = spawnSync(process.execPath, ["--import", "tsx", entry, ...rest], { stdio: "inherit" });
process.exit(run.status ?? 1);
