// Saves that could not reach the catalog are kept and retried, never dropped. Each entry is
// persisted before the first attempt; the reference id it carries makes every retry idempotent
// on the server (save_reference returns the same row for the same id).
import { CatalogError } from "./catalog-error";
import type { SaveReferenceInput, SavedReference } from "./catalog-client";

export interface OutboxEntry {
  input: SaveReferenceInput;
  state: "pending" | "failed";
  attempts: number;
  queuedAt: number;
  nextAttemptAt: number;
  lastError?: { code: string; message: string };
}

/** Where entries live between sessions: localStorage in the panel, a file for the CLI. */
export interface OutboxStorage {
  read(): OutboxEntry[];
  write(entries: OutboxEntry[]): void;
}

export type SendSave = (input: SaveReferenceInput) => Promise<SavedReference>;

export interface SaveOutcome {
  referenceId: string;
  saved?: SavedReference;
  /** kept for a later retry (unreachable) or for the editor to fix (refused) */
  kept?: OutboxEntry;
}

const BASE_DELAY_MS = 2_000;
const MAX_DELAY_MS = 5 * 60_000;

export function memoryStorage(initial: OutboxEntry[] = []): OutboxStorage {
  let entries = initial;
  return { read: () => entries, write: (next) => void (entries = next) };
}

export function localStorageStorage(
  key = "reference-lookup.save-outbox",
  store: Storage = localStorage,
): OutboxStorage {
  return {
    read() {
      try {
        const parsed = JSON.parse(store.getItem(key) ?? "[]");
        return Array.isArray(parsed) ? parsed : [];
      } catch {
        return [];
      }
    },
    write: (entries) => store.setItem(key, JSON.stringify(entries)),
  };
}

export class SaveOutbox {
  private flushing: Promise<SaveOutcome[]> | null = null;

  constructor(
    private readonly storage: OutboxStorage,
    private readonly send: SendSave,
    private readonly now: () => number = Date.now,
  ) {}

  entries(): OutboxEntry[] {
    return this.storage.read();
  }

  /** Persists the save, then tries it once. Never throws for a save it could keep. */
  async save(input: SaveReferenceInput): Promise<SaveOutcome> {
    const entry: OutboxEntry = {
      input,
      state: "pending",
      attempts: 0,
      queuedAt: this.now(),
      nextAttemptAt: this.now(),
    };
    this.put(entry);
    return this.attempt(entry);
  }

  /** Retries every pending entry whose time has come (all of them with ignoreBackoff, as a new
   * CLI run does); failed entries wait for the editor. */
  flush(options: { ignoreBackoff?: boolean } = {}): Promise<SaveOutcome[]> {
    if (!this.flushing) {
      this.flushing = (async () => {
        const due = this.entries().filter(
          (e) => e.state === "pending" && (options.ignoreBackoff || e.nextAttemptAt <= this.now()),
        );
        const outcomes: SaveOutcome[] = [];
        for (const entry of due) outcomes.push(await this.attempt(entry));
        return outcomes;
      })().finally(() => (this.flushing = null));
    }
    return this.flushing;
  }

  /** After the editor fixed what the catalog refused: try again with the corrected input. */
  async retry(referenceId: string, corrected?: Partial<SaveReferenceInput>): Promise<SaveOutcome> {
    const entry = this.entries().find((e) => e.input.referenceId === referenceId);
    if (!entry) throw new Error(`no kept save with reference id ${referenceId}`);
    const next: OutboxEntry = {
      ...entry,
      input: { ...entry.input, ...corrected, referenceId },
      state: "pending",
      nextAttemptAt: this.now(),
    };
    this.put(next);
    return this.attempt(next);
  }

  /** Only an explicit editor decision removes a kept save. */
  discard(referenceId: string): void {
    this.storage.write(this.entries().filter((e) => e.input.referenceId !== referenceId));
  }

  private put(entry: OutboxEntry): void {
    const others = this.entries().filter((e) => e.input.referenceId !== entry.input.referenceId);
    this.storage.write([...others, entry]);
  }

  private async attempt(entry: OutboxEntry): Promise<SaveOutcome> {
    const referenceId = entry.input.referenceId;
    try {
      const saved = await this.send(entry.input);
      this.discard(referenceId);
      return { referenceId, saved };
    } catch (e) {
      const error = e instanceof CatalogError ? e : new CatalogError("UNREACHABLE", (e as Error)?.message ?? String(e));
      const attempts = entry.attempts + 1;
      const kept: OutboxEntry = {
        ...entry,
        attempts,
        state: error.retryable ? "pending" : "failed",
        nextAttemptAt: this.now() + Math.min(BASE_DELAY_MS * 2 ** (attempts - 1), MAX_DELAY_MS),
        lastError: { code: error.code, message: error.message },
      };
      this.put(kept);
      return { referenceId, kept };
    }
  }
}
