// What "Check this Premiere" found, as data (the JSON the studio sends back) and as plain text.
// Host-agnostic: the steps that fill it are the panel's (src/panel/self-check); docs/adr/0023.

export type CheckStatus = "ok" | "failed" | "skipped";

export interface CheckLine {
  /** stable for the studio's tooling: "versions", "frames.browser-video", "cleanup", … */
  id: string;
  /** what was checked, in words */
  label: string;
  status: CheckStatus;
  /** what happened, in plain words: for a failure, the first error as it came */
  says: string;
  /** how long the step took, measured by the runner */
  ms: number;
  /** figures and versions a step found, for the JSON */
  data?: Record<string, string | number | boolean | null>;
}

export const REPORT_FORMAT = "reference-lookup-self-check/1";

export interface SelfCheckReport {
  format: typeof REPORT_FORMAT;
  panelVersion: string;
  /** ISO 8601, UTC */
  startedAt: string;
  durationMs: number;
  lines: CheckLine[];
  summary: Record<CheckStatus, number>;
}

const MARK: Record<CheckStatus, string> = { ok: "✓", failed: "✗", skipped: "–" };
const WORD: Record<CheckStatus, string> = { ok: "worked", failed: "failed", skipped: "skipped" };

export function seconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(2)} s` : `${(ms / 1000).toFixed(1)} s`;
}

/** One line per check, then the count: what an admin pastes into an e-mail. */
export function reportText(report: SelfCheckReport): string {
  const when = report.startedAt.replace("T", " ").replace(/\.\d+Z$/, " UTC");
  const head = [
    `Reference Lookup ${report.panelVersion}: Check this Premiere, ${when}, ${seconds(report.durationMs)}`,
    "",
  ];
  const lines = report.lines.map(
    (l) => `${MARK[l.status]} ${l.label} (${WORD[l.status]}, ${seconds(l.ms)}): ${l.says}`,
  );
  const { ok, failed, skipped } = report.summary;
  return [...head, ...lines, "", `${ok} worked, ${failed} failed, ${skipped} skipped.`].join("\n") + "\n";
}

export function reportJson(report: SelfCheckReport): string {
  return JSON.stringify(report, null, 2) + "\n";
}
