// Premiere works in the background while ExtendScript blocks in $.sleep: the simulator models
// that with a virtual clock. Background jobs (frame exports) finish when the clock passes them.

interface Job {
  dueAt: number;
  run: () => void;
}

export class HostClock {
  now = 0;
  private jobs: Job[] = [];

  schedule(delayMs: number, run: () => void): void {
    this.jobs.push({ dueAt: this.now + delayMs, run });
  }

  /** $.sleep(ms): time passes and finished background work becomes visible. */
  sleep(ms: number): void {
    this.now += Math.max(0, Number(ms) || 0);
    this.runDue();
  }

  /** No background work is pending. */
  idle(): boolean {
    return this.jobs.length === 0;
  }

  /** Work still pending when a script returns carries on "in Premiere" afterwards. */
  drain(): void {
    for (const job of this.jobs.splice(0).sort((a, b) => a.dueAt - b.dueAt)) job.run();
  }

  private runDue(): void {
    const due = this.jobs.filter((j) => j.dueAt <= this.now).sort((a, b) => a.dueAt - b.dueAt);
    this.jobs = this.jobs.filter((j) => j.dueAt > this.now);
    for (const job of due) job.run();
  }
}
