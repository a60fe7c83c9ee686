// New imports reach the panel's queue from two sources: the host's CSXS event (fast, where
// Premiere fires it) and a cheap poll of clip ids (always). Both feed one set of known ids, so
// no clip is missed and none is queued twice.
import type { HostClient } from "../../lib/bridge/client";
import { inSelfCheckBin, type ProjectItemRecord } from "../../shared/bridge/contract";

export interface ImportWatcherOptions {
  /** how often to poll; events usually arrive first */
  pollMs?: number;
  onNewClips: (clips: ProjectItemRecord[]) => void;
  onError?: (e: unknown) => void;
}

export class ImportWatcher {
  private known = new Set<string>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private work: Promise<void> = Promise.resolve();
  mode: "events" | "polling" = "polling";

  constructor(
    private readonly host: HostClient,
    private readonly options: ImportWatcherOptions,
  ) {}

  /** Clips already in the project are the baseline, not new imports. */
  async start(): Promise<"events" | "polling"> {
    for (const id of await this.host.call("listClipIds")) this.known.add(id);
    this.mode = (await this.host.call("watchImports")).mode;
    this.timer = setInterval(() => void this.poll(), this.options.pollMs ?? 3000);
    return this.mode;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Subscribes to the host's itemsAdded event; a malformed payload falls back to a poll. */
  listen(): () => void {
    return this.host.on(
      "itemsAdded",
      (nodeIds) => void this.admit(nodeIds),
      () => void this.poll(),
    );
  }

  /** Resolves once every admission started so far has finished. */
  idle(): Promise<void> {
    return this.work;
  }

  poll(): Promise<void> {
    return this.serialized(async () => this.admitNow(await this.host.call("listClipIds")));
  }

  private admit(ids: string[]): Promise<void> {
    return this.serialized(() => this.admitNow(ids));
  }

  private async admitNow(ids: string[]): Promise<void> {
    const fresh = ids.filter((id) => !this.known.has(id));
    if (fresh.length === 0) return;
    for (const id of fresh) this.known.add(id);
    try {
      // items deleted since they were added (our own temporary sequences) are simply not new clips
      const { clips: found } = await this.host.call("getClips", fresh);
      // the self-check's sample is imported and removed again by the check: never an editor's clip
      const clips = found.filter((c) => c.type === "CLIP" && !c.isSequence && !inSelfCheckBin(c.treePath));
      if (clips.length) this.options.onNewClips(clips);
    } catch (e) {
      for (const id of fresh) this.known.delete(id); // try again on the next poll
      this.options.onError?.(e);
    }
  }

  /** One admission at a time: an event and a poll racing cannot both queue a clip. */
  private serialized(work: () => Promise<void>): Promise<void> {
    const run = this.work.then(work, work);
    this.work = run.catch((e) => this.options.onError?.(e));
    return run.catch((e) => this.options.onError?.(e));
  }
}
