// "Check this Premiere": the panel's steps (docs/adr/0023). Each step uses the panel's own code
// path for what it checks (the bridge's host functions, the frame grab by one method, the
// encoder the panel loaded), so what works here works for editors. The scratch bin and the
// sample's copy are removed in the clean-up steps, which run whatever failed before them.
import { HostError, type HostClient } from "../../lib/bridge";
import { planGrab, type GrabMethod } from "../../lib/frames/grab-plan";
import { seconds, type SelfCheckPlan, type SelfCheckStep, type StepOutcome } from "../../lib/self-check";
import type { HostInfo, ProjectItemRecord, ProjectListing, SelfCheckScratch } from "../../shared/bridge/contract";
import { DEFAULT_FRAME_FRACTIONS, TICKS_PER_SECOND } from "../../shared/frames/frame-times";
import type { IaMetadata } from "../../shared/metadata/ia-metadata";
import type { EmbeddingProbe } from "./embedding-probe";
import type { KeyProbe } from "./key-probe";
import { keysStep } from "./keys-step";
import type { PanelEnvironment } from "./panel-environment";

export interface SelfCheckDeps {
  host: HostClient;
  /** frames of a clip by one method, no fallback (src/panel/frames/grab-frames.ts) */
  grab(method: GrabMethod, clip: ProjectItemRecord, fractions: number[]): Promise<Blob[]>;
  embedding: EmbeddingProbe;
  /** what the page knows of CEP, Chromium, Node, the OS and Premiere's skin */
  environment(): Promise<PanelEnvironment>;
  /** the shipped sample clip as the host spells its path; absent: the host finds it itself */
  sampleFile?: string;
  /** inside Premiere (CEP), rather than the browser preview */
  inCep: boolean;
  /** asks the admin to press each of the panel's keys; absent: no keyboard (the step is skipped) */
  keys?: KeyProbe;
}

export interface SelfCheckContext {
  before: ProjectListing | null;
  scratch: SelfCheckScratch | null;
  /** why there is no scratch clip */
  noScratch: string;
  /** the frames of the first grab method that worked, for the encoder steps */
  frames: Blob[] | null;
}

/** Every way the panel can take frames, in the order it tries them (src/lib/frames/grab-plan.ts). */
const METHOD_WORDS: Record<GrabMethod, string> = {
  "still-file": "the still's file",
  "image-sequence-files": "the image sequence's files",
  "browser-video": "browser decode",
  "host-export": "QE export",
};

/** What the check writes on the scratch clip, and reads back. */
const CHECK_METADATA: IaMetadata = {
  location: "self-check",
  subject: "sample",
  action: "check",
  shotType: "WS",
  shotNumber: 1,
  keywords: ["self-check", "sample"],
  lockedFields: [],
};

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const skipped = (says: string): StepOutcome => ({ status: "skipped", says });
const failed = (says: string, data?: StepOutcome["data"]): StepOutcome => ({ status: "failed", says, data });

function needScratch(ctx: SelfCheckContext): SelfCheckScratch | StepOutcome {
  return ctx.scratch ?? skipped(`No sample clip to work on: ${ctx.noScratch}`);
}
const isOutcome = (v: SelfCheckScratch | StepOutcome): v is StepOutcome => "says" in v;

function versionsStep(deps: SelfCheckDeps): SelfCheckStep<SelfCheckContext> {
  return {
    id: "versions",
    label: "Versions",
    async run() {
      const env = await deps.environment();
      let info: HostInfo | null = null;
      let hostProblem = "";
      try {
        info = await deps.host.call("getHostInfo");
      } catch (e) {
        hostProblem = message(e);
      }
      const data = {
        premiere: info ? info.premiereVersion : null,
        premiereBuild: info?.premiereBuild || null,
        cep: env.cep,
        chromium: env.chromium,
        node: env.node,
        os: info?.os ?? env.os,
        extendScript: info?.extendScript ?? null,
        qe: info?.qe ?? null,
        mediaEncoder: info?.mediaEncoder ?? null,
      };
      const premiere = info
        ? `Premiere ${info.premiereVersion}${info.premiereBuild ? ` (build ${info.premiereBuild})` : ""}`
        : "Premiere: no answer";
      const says = [
        premiere,
        `CEP ${env.cep ?? "none (not inside Premiere)"}`,
        `Chromium ${env.chromium ?? "unknown"}`,
        `Node ${env.node ?? "none in this page"}`,
        `OS ${data.os ?? "unknown"}`,
        info ? `ExtendScript ${info.extendScript}` : "",
        info ? `QE DOM ${info.qe ? "yes" : "no"}` : "",
        info ? `Media Encoder's app.encoder ${info.mediaEncoder ? "yes" : "no"} (the panel does not use it)` : "",
      ].filter(Boolean);
      if (!info) return failed(`${says.join(" · ")}. Premiere did not answer: ${hostProblem}`, data);
      return { says: says.join(" · "), data };
    },
  };
}

function importStep(deps: SelfCheckDeps): SelfCheckStep<SelfCheckContext> {
  return {
    id: "import",
    label: "Sample clip into a scratch bin",
    async run(ctx) {
      try {
        ctx.before = await deps.host.call("getProjectSnapshot");
      } catch (e) {
        ctx.noScratch = message(e);
        throw e;
      }
      try {
        ctx.scratch = await deps.host.call("beginSelfCheck", deps.sampleFile ? { sampleFile: deps.sampleFile } : {});
      } catch (e) {
        ctx.noScratch = `the import failed (${message(e)})`;
        throw e;
      }
      const { clip, binName } = ctx.scratch;
      const duration = Number(clip.durationTicks ?? 0) / TICKS_PER_SECOND;
      return {
        says: `“${clip.name}” (${clip.width ?? "?"}×${clip.height ?? "?"}, ${duration.toFixed(1)} s) is in the bin “${binName}”.`,
        data: { bin: binName, clip: clip.name },
      };
    },
  };
}

/** One line per grab method the panel has; those the sample's kind does not use say so. */
function frameSteps(deps: SelfCheckDeps): SelfCheckStep<SelfCheckContext>[] {
  return (Object.keys(METHOD_WORDS) as GrabMethod[]).map((method) => ({
    id: `frames.${method}`,
    label: `Frames by ${METHOD_WORDS[method]}`,
    timeoutMs: 90_000,
    async run(ctx: SelfCheckContext): Promise<StepOutcome> {
      const scratch = needScratch(ctx);
      if (isOutcome(scratch)) return scratch;
      if (!planGrab(scratch.clip).methods.includes(method))
        return skipped("Not a way to read a video clip like the sample; used for stills and image sequences.");
      const started = performance.now();
      const frames = await deps.grab(method, scratch.clip, DEFAULT_FRAME_FRACTIONS);
      const ms = Math.round(performance.now() - started);
      if (frames.length === 0) return failed("No frames came back.");
      ctx.frames ??= frames;
      return {
        says: `${frames.length} frames in ${seconds(ms)}.`,
        data: { frames: frames.length, ms },
      };
    },
  }));
}

function metadataStep(deps: SelfCheckDeps): SelfCheckStep<SelfCheckContext> {
  return {
    id: "metadata",
    label: "XMP and project columns (scratch clip only)",
    async run(ctx) {
      const scratch = needScratch(ctx);
      if (isOutcome(scratch)) return scratch;
      const nodeId = scratch.clip.nodeId;
      await deps.host.call("readClipMetadata", nodeId);
      await deps.host.call("writeClipMetadata", { nodeId, metadata: CHECK_METADATA, referenceStatus: "self-check" });
      const back = await deps.host.call("readClipMetadata", nodeId);
      const wrong: string[] = [];
      if (back.metadata.location !== CHECK_METADATA.location) wrong.push("location (XMP logComment)");
      if (back.metadata.shotType !== CHECK_METADATA.shotType) wrong.push("shot type (XMP logComment)");
      if ((back.metadata.keywords ?? []).join(",") !== CHECK_METADATA.keywords!.join(","))
        wrong.push("keywords (XMP dc:description)");
      if (!back.shotName.endsWith("-#1")) wrong.push("shot name (XMP shotName)");
      if (back.columns["IA Location"] !== CHECK_METADATA.location) wrong.push("the IA Location column");
      if (back.columns["IA Reference"] !== "self-check") wrong.push("the IA Reference column");
      if (wrong.length) return failed(`Written, but read back differently: ${wrong.join(", ")}.`);
      return {
        says:
          "Read, wrote and read back IA's XMP fields and the panel's project columns. " +
          "(The panel's columns stay registered in this project, as after a first Accept.)",
      };
    },
  };
}

function playheadStep(deps: SelfCheckDeps): SelfCheckStep<SelfCheckContext> {
  return {
    id: "playhead",
    label: "Playhead",
    async run() {
      try {
        const at = await deps.host.call("getClipAtPlayhead");
        const s = Number(at.playheadTicks) / TICKS_PER_SECOND;
        return {
          says: `“${at.item.name}” is under the playhead of “${at.sequenceName}” at ${s.toFixed(2)} s.`,
          data: { sequence: at.sequenceName, playheadSeconds: s },
        };
      } catch (e) {
        if (e instanceof HostError && e.code === "NO_SEQUENCE")
          return skipped("No sequence is open: open one and run the check again to check the playhead.");
        if (e instanceof HostError && (e.code === "NO_CLIP_AT_PLAYHEAD" || e.code === "MEDIA_OFFLINE"))
          return { says: `Read: ${e.message}` };
        throw e;
      }
    },
  };
}

function skinStep(deps: SelfCheckDeps): SelfCheckStep<SelfCheckContext> {
  return {
    id: "skin",
    label: "Premiere's skin",
    async run() {
      const { skin } = await deps.environment();
      if ("problem" in skin) return failed(`${skin.problem} The panel keeps its darkest theme.`);
      return {
        says: `${skin.name} (panel background ${skin.background}, type ${skin.fontSize} px).`,
        data: { skin: skin.name, background: skin.background, fontSize: skin.fontSize },
      };
    },
  };
}

function embeddingSteps(deps: SelfCheckDeps): SelfCheckStep<SelfCheckContext>[] {
  const paths = [
    { path: "native" as const, label: "Native path (onnxruntime-node): one clip" },
    { path: "wasm-pool" as const, label: "WASM path: one clip" },
  ];
  return paths.map(({ path, label }) => ({
    id: `encoder.${path}`,
    label,
    timeoutMs: 120_000,
    async run(ctx: SelfCheckContext): Promise<StepOutcome> {
      if (!ctx.frames) return skipped("No frames to embed: no grab method worked.");
      const loaded = deps.embedding.loaded();
      if ("problem" in loaded) return failed(`No encoder is loaded: ${loaded.problem}`);
      if (loaded.path === path) {
        const timed = await deps.embedding.timeClip(loaded.embedder, ctx.frames);
        return { says: `Runs in the panel. ${timed.says}`, data: timed.data };
      }
      if (path === "native") {
        const reason = loaded.nativeReason ?? "no reason was given";
        const preview = !deps.inCep && /^no Node\.js in this page/.test(reason);
        return preview ? skipped(`Not in a browser preview: ${reason}.`) : failed(`Not used: ${reason}.`);
      }
      // the panel runs native: a WASM pool of the check's own, closed again after one clip
      const timed = await deps.embedding.timeOtherPath(path, ctx.frames);
      return { says: timed.says, data: timed.data };
    },
  }));
}

function cleanupStep(deps: SelfCheckDeps): SelfCheckStep<SelfCheckContext> {
  return {
    id: "cleanup",
    label: "Clean-up",
    async run(ctx) {
      if (!ctx.scratch) return { says: "Nothing was made." };
      const { binNodeId, folder } = ctx.scratch;
      const result = await deps.host.call("endSelfCheck", { binNodeId, folder });
      if (result.problems.length) return failed(result.problems.join(" "));
      return { says: `Removed ${result.removed.join(" and ")}.` };
    },
  };
}

const itemKey = (i: ProjectItemRecord) => `${i.nodeId}\u0000${i.treePath}\u0000${i.mediaPath ?? ""}`;

function unchangedStep(deps: SelfCheckDeps): SelfCheckStep<SelfCheckContext> {
  return {
    id: "project-unchanged",
    label: "Project left as it was",
    async run(ctx) {
      if (!ctx.before) return skipped("The project could not be read before the check.");
      const after = await deps.host.call("getProjectSnapshot");
      const was = new Set(ctx.before.items.map(itemKey));
      const is = new Set(after.items.map(itemKey));
      const added = after.items.filter((i) => !was.has(itemKey(i))).map((i) => i.treePath);
      const gone = ctx.before.items.filter((i) => !is.has(itemKey(i))).map((i) => i.treePath);
      if (added.length || gone.length) {
        const parts = [
          added.length ? `still there: ${added.join(", ")}` : "",
          gone.length ? `missing: ${gone.join(", ")}` : "",
        ].filter(Boolean);
        return failed(`The project differs: ${parts.join("; ")}.`);
      }
      return { says: `Yes: the same ${after.items.length} items as before.`, data: { items: after.items.length } };
    },
  };
}

export function panelSelfCheckPlan(deps: SelfCheckDeps): SelfCheckPlan<SelfCheckContext> {
  return {
    context: { before: null, scratch: null, noScratch: "the import did not run", frames: null },
    steps: [
      versionsStep(deps),
      keysStep(deps.keys),
      importStep(deps),
      ...frameSteps(deps),
      metadataStep(deps),
      playheadStep(deps),
      skinStep(deps),
      ...embeddingSteps(deps),
    ],
    finally: [cleanupStep(deps), unchangedStep(deps)],
  };
}
