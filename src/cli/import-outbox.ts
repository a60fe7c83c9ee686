// The import's outbox on disk: the saves an earlier run could not deliver. Replaced atomically on
// every change, so an interrupted run leaves the previous outbox intact; one found damaged anyway
// (edited by hand, a disk fault) stops the run with its name and what to do, and is never
// overwritten, since the saves in it exist nowhere else until the folders are imported again.
import fs from "node:fs";
import type { OutboxEntry, OutboxStorage } from "../lib/catalog/save-outbox";
import { writeFileAtomic } from "../lib/files/node/write-atomic";

export class DamagedOutboxError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(
      `the import's outbox ${file} is damaged (${problem}), so the saves waiting in it cannot be read. ` +
        `Nothing was imported. Move it aside (e.g. mv "${file}" "${file}.damaged") and run the import ` +
        `again: importing the same folders makes the same saves again (reference ids come from the files). ` +
        `Or give another file with --outbox.`,
    );
    this.name = "DamagedOutboxError";
  }
}

function entriesProblem(json: unknown): string | null {
  if (!Array.isArray(json)) return "it is not a JSON list of saves";
  const bad = json.findIndex(
    (e) => !e || typeof e !== "object" || typeof (e as OutboxEntry).input?.referenceId !== "string",
  );
  return bad >= 0 ? `save ${bad + 1} has no reference id` : null;
}

export function fileStorage(file: string): OutboxStorage {
  return {
    read: () => {
      let text: string;
      try {
        text = fs.readFileSync(file, "utf8");
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
        throw new DamagedOutboxError(file, (e as Error).message);
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (e) {
        throw new DamagedOutboxError(file, (e as Error).message);
      }
      const problem = entriesProblem(json);
      if (problem) throw new DamagedOutboxError(file, problem);
      return json as OutboxEntry[];
    },
    write: (entries) => writeFileAtomic(file, JSON.stringify(entries)),
  };
}
