// Runs a list of checks in order, timing each, and always runs the clean-up steps after them,
// whatever failed or hung. A step is one object in a list: a later issue adds its own steps (for
// instance "press each of the panel's keys") without touching the runner (docs/adr/0023).
import { REPORT_FORMAT, seconds, type CheckLine, type CheckStatus, type SelfCheckReport } from "./report";

export interface StepOutcome {
  /** default "ok"; a thrown error makes the step "failed" with its message */
  status?: CheckStatus;
  says: string;
  data?: CheckLine["data"];
}

export interface SelfCheckStep<C> {
  id: string;
  label: string;
  run(context: C): Promise<StepOutcome>;
  /** after this long the step counts as failed and the check moves on (default 60 s) */
  timeoutMs?: number;
}

export interface SelfCheckPlan<C> {
  /** what the steps share: what an early step made (a scratch clip), what later ones read */
  context: C;
  steps: SelfCheckStep<C>[];
  /** clean-up steps: they run after `steps`, every one of them, whatever happened before */
  finally: SelfCheckStep<C>[];
}

export interface RunOptions {
  panelVersion: string;
  now?: () => number;
  /** before each step: its label, and how many steps are done of how many */
  onStep?: (label: string, done: number, total: number) => void;
}

export const DEFAULT_STEP_TIMEOUT_MS = 60_000;

function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  if (e && typeof e === "object" && typeof (e as { message?: unknown }).message === "string")
    return (e as { message: string }).message;
  return String(e);
}

async function withTimeout<T>(work: Promise<T>, ms: number, label: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label} did not finish within ${seconds(ms)}.`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function runStep<C>(step: SelfCheckStep<C>, context: C, now: () => number): Promise<CheckLine> {
  const started = now();
  try {
    // a step that throws synchronously fails like one that rejects
    const outcome = await withTimeout(
      Promise.resolve().then(() => step.run(context)),
      step.timeoutMs ?? DEFAULT_STEP_TIMEOUT_MS,
      step.label,
    );
    const line: CheckLine = {
      id: step.id,
      label: step.label,
      status: outcome.status ?? "ok",
      says: outcome.says,
      ms: 0,
    };
    if (outcome.data) line.data = outcome.data;
    line.ms = Math.round(now() - started);
    return line;
  } catch (e) {
    return { id: step.id, label: step.label, status: "failed", says: messageOf(e), ms: Math.round(now() - started) };
  }
}

export async function runSelfCheck<C>(plan: SelfCheckPlan<C>, options: RunOptions): Promise<SelfCheckReport> {
  const now = options.now ?? (() => Date.now());
  const started = now();
  const startedAt = new Date().toISOString();
  const all = [...plan.steps, ...plan.finally];
  const lines: CheckLine[] = [];
  const run = async (step: SelfCheckStep<C>) => {
    options.onStep?.(step.label, lines.length, all.length);
    lines.push(await runStep(step, plan.context, now));
  };
  try {
    for (const step of plan.steps) await run(step);
  } finally {
    for (const step of plan.finally) await run(step);
  }
  const summary: Record<CheckStatus, number> = { ok: 0, failed: 0, skipped: 0 };
  for (const l of lines) summary[l.status]++;
  return {
    format: REPORT_FORMAT,
    panelVersion: options.panelVersion,
    startedAt,
    durationMs: Math.round(now() - started),
    lines,
    summary,
  };
}
