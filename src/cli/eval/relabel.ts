// The relabelling scenario of `npm run eval -- --scenario relabel` (issue 22 §4, docs/adr/0012):
// a share of a library's planned shots is relabelled by a later correction of one of its views
// (the editor saved "utility room" over "kitchen"); the shot's other views, suggested from the
// rest of the library as the next clips of that shot, should now follow the correction. Measured
// with the vote as it was (no correction times: every reference counts as it stands) and with the
// rule (the newest correction of a shot speaks for its older references), on the same library.
import { SUGGESTED_FIELDS, type SuggestedField } from "../../lib/suggestion/types";
import {
  calibrationOf,
  outcomesFor,
  reliabilityOf,
  score,
  shuffled,
  type EvalItem,
  type FieldScore,
  type Outcome,
  type ReliabilityRow,
} from "./evaluate";

/** The fields a correction changes, in turn: the location, then the subject. */
const RELABELLED_FIELDS: SuggestedField[] = ["location", "subject"];
/** A bin is judged once it holds this many answers (issue 22 §4). */
export const BIN_MIN_ANSWERS = 20;
/** …and is calibrated when its accuracy is within this of its mean confidence. */
export const BIN_TOLERANCE = 0.1;

export interface RuleRun {
  /** next clips of relabelled shots whose top value on the relabelled field is the correction's */
  followsCorrection: number;
  followRate: number;
  /** of those, shown to the editor (confidence at or above the threshold) */
  followsAnswered: number;
  /** per-field accuracy on the clips of shots nobody relabelled */
  unrelabelled: Record<SuggestedField, FieldScore>;
  reliability: ReliabilityRow[];
  /** bins with ≥ BIN_MIN_ANSWERS answers whose accuracy is more than BIN_TOLERANCE from their confidence */
  miscalibratedBins: Array<{ from: number; to: number; n: number; accuracy: number; meanConfidence: number }>;
}

export interface RelabelReport {
  share: number;
  shots: number;
  shotsRelabelled: number;
  nextClips: number;
  unrelabelledClips: number;
  before: RuleRun;
  after: RuleRun;
  /** fields whose accuracy on unrelabelled clips dropped with the rule (top-1 or when it answers) */
  unrelabelledDrops: SuggestedField[];
}

interface Case {
  item: EvalItem;
  truth: EvalItem["truth"];
  relabelled: SuggestedField | null;
  newValue?: string;
}

/** The library after the corrections, and the clips to suggest from it. */
export function relabelLibrary(
  items: EvalItem[],
  share: number,
): { library: EvalItem[]; cases: Case[]; shots: number; relabelled: number } {
  // every reference was corrected once, in a repeatable order, a minute apart
  const start = Date.UTC(2026, 0, 1);
  const order = shuffled(items, 7);
  const at = new Map(order.map((it, i) => [it.id, new Date(start + i * 60_000).toISOString()]));
  const library: EvalItem[] = items.map((it) => ({ ...it, correctedAt: at.get(it.id) }));
  const byShot = new Map<string, EvalItem[]>();
  for (const it of library) if (it.shotKey) byShot.set(it.shotKey, [...(byShot.get(it.shotKey) ?? []), it]);
  // shots with at least a correction and two further views
  const eligible = [...byShot.keys()].filter((k) => byShot.get(k)!.length >= 3).sort();
  const picked = shuffled(eligible, 11).slice(0, Math.round(eligible.length * share));
  const cases: Case[] = [];
  const later = start + items.length * 60_000;
  picked.forEach((key, k) => {
    const views = byShot.get(key)!;
    const field = RELABELLED_FIELDS[k % RELABELLED_FIELDS.length];
    const newValue = `corrected ${field} ${k + 1}`;
    // the most recently corrected view is the one the editor corrects again
    const fixed = views.reduce((a, b) => (a.correctedAt! > b.correctedAt! ? a : b));
    const i = library.indexOf(fixed);
    library[i] = {
      ...fixed,
      truth: { ...fixed.truth, [field]: newValue },
      correctedAt: new Date(later + k * 60_000).toISOString(),
    };
    for (const view of views)
      if (view !== fixed)
        cases.push({ item: view, truth: { ...view.truth, [field]: newValue }, relabelled: field, newValue });
  });
  const pickedSet = new Set(picked);
  for (const it of library)
    if (!it.shotKey || !pickedSet.has(it.shotKey)) cases.push({ item: it, truth: it.truth, relabelled: null });
  return { library, cases, shots: byShot.size, relabelled: picked.length };
}

const untimed = (it: EvalItem): EvalItem => ({ ...it, correctedAt: undefined });

function run(
  cases: Case[],
  library: EvalItem[],
  modelVersion: string,
  minConfidence: number,
  withRule: boolean,
): RuleRun {
  const catalogFor = (id: string) => {
    const others = library.filter((r) => r.id !== id);
    return withRule ? others : others.map(untimed);
  };
  // calibrated once from the whole library, as the panel calibrates once per model version; each
  // clip is still suggested from a catalog without itself
  const calibration = calibrationOf(withRule ? library : library.map(untimed), modelVersion);
  let follows = 0;
  let followsAnswered = 0;
  const all: Outcome[] = [];
  const unrelabelled: Outcome[] = [];
  for (const c of cases) {
    const outcomes = outcomesFor(c.item, catalogFor(c.item.id), modelVersion, c.truth, calibration);
    all.push(...outcomes);
    if (!c.relabelled) {
      unrelabelled.push(...outcomes);
      continue;
    }
    const o = outcomes.find((x) => x.field === c.relabelled)!;
    if (o.correct) {
      follows++;
      if (o.confidence >= minConfidence) followsAnswered++;
    }
  }
  const next = cases.filter((c) => c.relabelled).length;
  const fields = {} as Record<SuggestedField, FieldScore>;
  for (const f of SUGGESTED_FIELDS)
    fields[f] = score(
      unrelabelled.filter((o) => o.field === f),
      minConfidence,
    );
  const reliability = reliabilityOf(all);
  return {
    followsCorrection: follows,
    followRate: next ? follows / next : 0,
    followsAnswered,
    unrelabelled: fields,
    reliability,
    miscalibratedBins: reliability
      .filter((r) => r.n >= BIN_MIN_ANSWERS && Math.abs(r.accuracy! - r.meanConfidence!) > BIN_TOLERANCE)
      .map((r) => ({ from: r.from, to: r.to, n: r.n, accuracy: r.accuracy!, meanConfidence: r.meanConfidence! })),
  };
}

export function relabelScenario(
  items: EvalItem[],
  modelVersion: string,
  share = 0.25,
  minConfidence = 0.5,
): RelabelReport {
  const { library, cases, shots, relabelled } = relabelLibrary(items, share);
  const before = run(cases, library, modelVersion, minConfidence, false);
  const after = run(cases, library, modelVersion, minConfidence, true);
  const eps = 1e-9;
  const unrelabelledDrops = SUGGESTED_FIELDS.filter((f) => {
    const b = before.unrelabelled[f];
    const a = after.unrelabelled[f];
    return a.top1Accuracy < b.top1Accuracy - eps || (a.answeredAccuracy ?? 0) < (b.answeredAccuracy ?? 0) - eps;
  });
  return {
    share,
    shots,
    shotsRelabelled: relabelled,
    nextClips: cases.filter((c) => c.relabelled).length,
    unrelabelledClips: cases.filter((c) => !c.relabelled).length,
    before,
    after,
    unrelabelledDrops,
  };
}
