// How the card names disagreeing references and corrections (issue 22 §4): "3 say kitchen ·
// your correction of 13:05 says utility room".
import type { Disagreement } from "../../lib/suggestion";

const norm = (v: string) => v.trim().toLowerCase();
const two = (n: number) => String(n).padStart(2, "0");
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "13:05" today, "6 Dec 13:05" another day, in the panel's local time. */
export function correctionTime(iso: string, now = new Date()): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return "an unknown time";
  const clock = `${two(t.getHours())}:${two(t.getMinutes())}`;
  return t.toDateString() === now.toDateString() ? clock : `${t.getDate()} ${MONTHS[t.getMonth()]} ${clock}`;
}

export function correctionName(byYou: boolean, iso: string, now?: Date): string {
  return `${byYou ? "your" : "a"} correction of ${correctionTime(iso, now)}`;
}

/** Who says what; the correction, when there is one, named apart from the references it outweighs. */
export function disagreementWords(d: Disagreement, now?: Date): string {
  const parts: string[] = [];
  for (const { value, references } of d.values) {
    const others = references - (d.correction && norm(d.correction.value) === norm(value) ? 1 : 0);
    if (others > 0) parts.push(`${others} say${others === 1 ? "s" : ""} ${value}`);
  }
  if (d.correction)
    parts.push(`${correctionName(d.correction.byYou, d.correction.correctedAt, now)} says ${d.correction.value}`);
  return parts.join(" · ");
}
