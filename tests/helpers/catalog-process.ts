// `npm run catalog` and the other data-dir scripts as processes of their own (node + tsx, no npm
// in between, so the pid is the script's), for tests that kill one or start a second.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import readline from "node:readline";
import { ROOT } from "../../src/testing/paths";

export interface CatalogProcess {
  child: ChildProcess;
  pid: number;
  url: string;
  anonKey: string;
  /** the seeded users' generated passwords, as the script prints them */
  passwords: Map<string, string>;
}

function scriptEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CATALOG_DATA_DIR: dataDir, CATALOG_PORT: "0" };
  delete env.CATALOG_JWT_SECRET; // the key kept beside the data dir, as on an admin's machine
  return env;
}

/** Starts scripts/catalog.ts on dataDir (OS-picked port) and waits for its sign-in lines. */
export function startCatalogProcess(dataDir: string): Promise<CatalogProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/catalog.ts"], {
    cwd: ROOT,
    env: scriptEnv(dataDir),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`scripts/catalog.ts exited (${code}): ${stderr}`)));
    let url = "";
    let anonKey = "";
    const passwords = new Map<string, string>();
    readline.createInterface({ input: child.stdout! }).on("line", (line) => {
      url ||= /^Reference catalog: (\S+)/.exec(line)?.[1] ?? "";
      anonKey ||= /^anon key:\s+(\S+)/.exec(line)?.[1] ?? "";
      const user = /^\s+(\S+@\S+)\s+(\S+)\s+\(/.exec(line);
      if (user) passwords.set(user[1], user[2]);
      if (passwords.size === 3) resolve({ child, pid: child.pid!, url, anonKey, passwords });
    });
  });
}

export interface ScriptRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a script (e.g. scripts/db-audit.ts) to its end with the data dir's environment. */
export function runScript(script: string, args: string[], dataDir: string): Promise<ScriptRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", script, ...args],
      { cwd: ROOT, env: scriptEnv(dataDir), timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}
