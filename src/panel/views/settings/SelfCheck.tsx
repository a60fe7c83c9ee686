import { ActionButton, ProgressBar } from "@adobe/react-spectrum";
import { useState } from "react";
import { reportJson, reportText, seconds, type CheckStatus } from "../../../lib/self-check";
import { usePanel, usePanelStore } from "../../use-panel";
import { copyText } from "./copy-text";
import { KeyCheckPrompt } from "./KeyCheckPrompt";

const MARK: Record<CheckStatus, string> = { ok: "✓", failed: "✗", skipped: "–" };
const WORD: Record<CheckStatus, string> = { ok: "worked", failed: "failed", skipped: "skipped" };

/** "Check this Premiere" (docs/adr/0023): what works in this Premiere, for the admin to send back. */
export function SelfCheck() {
  const store = usePanelStore();
  const status = usePanel((s) => s.selfCheck);
  const [copied, setCopied] = useState("");
  if (!store.services.selfCheck) return null;
  const running = status.state === "running";
  const report = status.state === "done" ? status.report : null;
  const copy = async (what: "text" | "JSON") => {
    if (!report) return;
    const ok = await copyText(what === "text" ? reportText(report) : reportJson(report));
    setCopied(ok ? `Copied as ${what}.` : "Could not copy: select the lines above and copy them by hand.");
  };
  return (
    <div className="self-check" data-testid="self-check">
      <p className="muted">
        Asks you to press each of the panel&apos;s keys, imports a small sample clip into a scratch bin, tries each way
        the panel reads frames, metadata, the playhead, the skin and both inference paths, then removes everything it
        made. About a minute.
      </p>
      <div className="self-check-actions">
        <ActionButton
          onPress={() => {
            setCopied("");
            void store.getState().runSelfCheck();
          }}
          isDisabled={running}
        >
          {running ? "Checking…" : "Check this Premiere"}
        </ActionButton>
        {report && (
          <>
            <ActionButton onPress={() => void copy("text")}>Copy as text</ActionButton>
            <ActionButton onPress={() => void copy("JSON")}>Copy as JSON</ActionButton>
          </>
        )}
      </div>
      <KeyCheckPrompt />
      <div role="status" aria-live="polite">
        {running && (
          <ProgressBar
            label={`${status.step}…`}
            value={(100 * status.done) / Math.max(1, status.total)}
            size="S"
            width="100%"
          />
        )}
        {report && (
          <>
            <p className="self-check-summary" data-testid="self-check-summary">
              {report.summary.ok} worked, {report.summary.failed} failed, {report.summary.skipped} skipped, in{" "}
              {seconds(report.durationMs)}.
            </p>
            <ul className="check-lines" data-testid="self-check-report">
              {report.lines.map((l) => (
                <li key={l.id} data-check={l.id} data-status={l.status}>
                  <span className="check-mark" aria-hidden="true">
                    {MARK[l.status]}
                  </span>
                  <span>
                    <strong>{l.label}</strong> ({WORD[l.status]}, {seconds(l.ms)}): {l.says}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
        {copied && <p data-testid="self-check-copied">{copied}</p>}
      </div>
    </div>
  );
}
