// One process per data dir (issue 20 §1): the lock is taken where the data dir is opened, names
// its holder, and dies with its process, kill -9 included.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DataDirBusyError, DataDirLock } from "../../src/server/catalog/data-dir-lock";
import { openCatalogDatabase } from "../../src/server/catalog/database";
import { ROOT } from "../../src/testing/paths";

let work: string;
beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "data-dir-lock-"));
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** A process that takes the lock and waits to be killed. */
function holdInChild(dataDir: string) {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "--input-type=module",
      "-e",
      `import { DataDirLock } from "./src/server/catalog/data-dir-lock.ts";
       DataDirLock.acquire(process.argv[1]);
       console.log("held");
       setInterval(() => {}, 1000);`,
      dataDir,
    ],
    { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] },
  );
  const held = new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the holder exited (${code})`)));
    readline.createInterface({ input: child.stdout! }).once("line", () => resolve());
  });
  return { child, held };
}

describe("the data dir's lock", () => {
  it("refuses a second openCatalogDatabase, in this process too, naming the holder; close frees it", async () => {
    const dataDir = path.join(work, "same-process");
    const db = await openCatalogDatabase({ dataDir, migrate: false });
    const refused = await openCatalogDatabase({ dataDir, migrate: false }).catch((e) => e);
    expect(refused).toBeInstanceOf(DataDirBusyError);
    expect(refused.holder).toMatchObject({ pid: process.pid });
    expect(refused.message).toContain(`is in use by process ${process.pid} (`);
    expect(refused.message).toContain("stop that process first, or give this one another data dir");
    await db.close();
    DataDirLock.acquire(dataDir).release(); // closing the database gave the data dir back
  });

  it("is refused while another process holds it, and free once that process is killed with -9", async () => {
    const dataDir = path.join(work, "killed");
    const { child, held } = holdInChild(dataDir);
    await held;
    const refused = (() => {
      try {
        DataDirLock.acquire(dataDir);
      } catch (e) {
        return e as DataDirBusyError;
      }
    })();
    expect(refused).toBeInstanceOf(DataDirBusyError);
    expect(refused!.holder).toMatchObject({ pid: child.pid, command: expect.stringContaining("node ") });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
    const lock = DataDirLock.acquire(dataDir); // nothing left stuck: the kernel dropped the lock
    expect(lock.held).toBe(true);
    lock.release();
  });
});
