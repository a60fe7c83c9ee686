// Where the benches find the repository, write their results and keep their browser pages.
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
/** every bench writes bench/results/<name>-<date>[-suffix].json here */
export const RESULTS_DIR = path.join(ROOT, "bench/results");
/** a page that runs in the browser: bench/pages/<name>.ts */
export const pageEntry = (name: string) => path.join(ROOT, `bench/pages/${name}.ts`);
