// The UXP half of `npm run sim:coverage`: every member @adobe/premierepro declares for the UXP DOM
// types the simulator models (src/sim/uxp), checked against the simulator's objects — implemented,
// or present and failing with "not available in the simulator" — and every member the UXP host
// (src/uxp/host) calls, found with the compiler, checked to be implemented.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { isNotAvailable } from "../src/sim/dom/dom-object";
import { createSampleProject } from "../src/sim/sample-project";
import { UxpPremiereSimulator } from "../src/sim/uxp/uxp-simulator";
import {
  UxpFootageInterpretation,
  UxpMedia,
  UxpProjectItemSelection,
  UxpTrackItemSelection,
  wrapItem,
  wrapProject,
  wrapSequence,
  wrapTrackItem,
  UxpVideoTrack,
  UxpAudioClipTrackItem,
} from "../src/sim/uxp/uxp-dom";
import { UxpCompoundAction } from "../src/sim/uxp/uxp-actions";
import { UxpFrameRate, UxpGuid, UxpRectF, UxpTickTime } from "../src/sim/uxp/uxp-time";
import type { ClassCoverage } from "./sim-coverage";

const root = path.resolve(import.meta.dirname, "..");
export const UXP_DECLARATIONS = path.join(root, "node_modules/@adobe/premierepro/src/premierepro.d.ts");
export const UXP_HOST_DIR = path.join(root, "src/uxp/host");

/** Declared members per type alias (and per enum of Constants, as "Constants.<Enum>"). */
export function declaredUxpMembers(file = UXP_DECLARATIONS): Map<string, string[]> {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const out = new Map<string, string[]>();
  const visit = (node: ts.Node, prefix: string) => {
    if (ts.isTypeAliasDeclaration(node) && ts.isTypeLiteralNode(node.type)) {
      const names = node.type.members
        .map((m) => (m.name && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) ? m.name.text : null))
        .filter((n): n is string => n !== null);
      out.set(prefix + node.name.text, [...new Set(names)]);
    } else if (ts.isEnumDeclaration(node)) {
      out.set(
        prefix + node.name.text,
        node.members.map((m) => m.name.getText(source)),
      );
    } else if (ts.isModuleDeclaration(node) && node.body && ts.isModuleBlock(node.body)) {
      for (const s of node.body.statements) visit(s, `${prefix}${node.name.getText(source)}.`);
    }
  };
  source.forEachChild((n) => visit(n, ""));
  return out;
}

/** One simulator object per modelled declared type, from the sample project with a clip on a sequence. */
export function uxpSimulatorObjects(): Record<string, object> {
  const project = createSampleProject();
  const simulator = new UxpPremiereSimulator({ project });
  const world = (simulator as unknown as { world: Parameters<typeof wrapItem>[0] }).world;
  const ppro = simulator.ppro;
  const clip = project.allItems().find((i) => i.media)!;
  const sequence = project.activeSequence!;
  const trackItem = sequence.videoTrackList[0].items[0];
  const objects: Record<string, object> = {
    premierepro: ppro,
    Application: ppro.Application,
    ProjectStatic: ppro.Project,
    Project: wrapProject(world, project),
    ProjectItemStatic: ppro.ProjectItem,
    ProjectItem: wrapItem(world, clip),
    FolderItemStatic: ppro.FolderItem,
    FolderItem: wrapItem(world, project.rootItem),
    ClipProjectItemStatic: ppro.ClipProjectItem,
    ClipProjectItem: wrapItem(world, clip),
    ProjectUtilsStatic: ppro.ProjectUtils,
    ProjectItemSelection: new UxpProjectItemSelection(world, []),
    MetadataStatic: ppro.Metadata,
    SequenceStatic: ppro.Sequence,
    Sequence: wrapSequence(world, sequence),
    ExporterStatic: ppro.Exporter,
    TickTimeStatic: UxpTickTime,
    TickTime: new UxpTickTime(0),
    FrameRateStatic: UxpFrameRate,
    FrameRate: new UxpFrameRate(25),
    GuidStatic: UxpGuid,
    Guid: new UxpGuid(),
    EventManagerStatic: ppro.EventManager,
    OperationCompleteEventStatic: ppro.OperationCompleteEvent,
    TrackItemSelectionStatic: UxpTrackItemSelection,
    TrackItemSelection: new UxpTrackItemSelection(world),
    VideoClipTrackItemStatic: ppro.VideoClipTrackItem,
    VideoClipTrackItem: wrapTrackItem(world, trackItem),
    AudioClipTrackItemStatic: ppro.AudioClipTrackItem,
    AudioClipTrackItem: new UxpAudioClipTrackItem(world, trackItem),
    VideoTrackStatic: ppro.VideoTrack,
    VideoTrack: new UxpVideoTrack(world, sequence.videoTrackList[0]),
    FootageInterpretation: new UxpFootageInterpretation(25, 1),
    Media: new UxpMedia(clip),
    CompoundAction: new UxpCompoundAction(),
    RectF: new UxpRectF(1920, 1080),
    EncoderManagerStatic: (ppro as { EncoderManager?: object }).EncoderManager ?? {},
  };
  objects.Constants = ppro.Constants;
  for (const [name, values] of Object.entries(ppro.Constants)) objects[`Constants.${name}`] = values;
  return objects;
}

/** Members of the UXP DOM the host's source uses, as "Type.member", found with the type checker. */
export function hostCalls(dir = UXP_HOST_DIR, declarations = UXP_DECLARATIONS): string[] {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => path.join(dir, f));
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2021,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    // only what the host's own files need: no Node or DOM declarations to load
    types: [],
    lib: ["lib.es2022.d.ts"],
  });
  const checker = program.getTypeChecker();
  const found = new Set<string>();
  const dts = fs.realpathSync(declarations);
  for (const file of files) {
    const visit = (node: ts.Node) => {
      if (ts.isPropertyAccessExpression(node)) {
        const symbol = checker.getSymbolAtLocation(node.name);
        for (const decl of symbol?.declarations ?? []) {
          if (fs.realpathSync(decl.getSourceFile().fileName) !== dts) continue;
          const owner: string[] = [];
          for (let p: ts.Node | undefined = decl.parent; p; p = p.parent) {
            if (ts.isTypeAliasDeclaration(p) || ts.isEnumDeclaration(p) || ts.isModuleDeclaration(p))
              owner.unshift(p.name.getText());
          }
          if (owner.length) found.add(`${owner.join(".")}.${node.name.text}`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(program.getSourceFile(file)!);
  }
  return [...found].sort();
}

export interface UxpCoverage {
  classes: ClassCoverage[];
  outOfScope: string[];
  /** members the host calls that are missing or not available */
  hostCallsUnimplemented: string[];
  hostCalls: string[];
}

export function uxpSimCoverage(declarations = UXP_DECLARATIONS): UxpCoverage {
  const declared = declaredUxpMembers(declarations);
  const objects = uxpSimulatorObjects();
  const classes: ClassCoverage[] = [];
  const status = (holder: object, key: string) =>
    !(key in holder)
      ? "missing"
      : isNotAvailable((holder as Record<string, unknown>)[key])
        ? "not available"
        : "implemented";
  for (const [name, target] of Object.entries(objects)) {
    if (!declared.has(name) || name === "premierepro" || name === "Constants") continue;
    const members = declared.get(name)!;
    const row: ClassCoverage = { name, declared: members.length, implemented: 0, notAvailable: 0, missing: [] };
    for (const member of members) {
      const s = status(target, member);
      if (s === "missing") row.missing.push(member);
      else if (s === "not available") row.notAvailable++;
      else row.implemented++;
    }
    classes.push(row);
  }
  const calls = hostCalls(UXP_HOST_DIR, declarations);
  const hostCallsUnimplemented = calls.filter((call) => {
    const dot = call.lastIndexOf(".");
    const holder = objects[call.slice(0, dot)];
    return !holder || status(holder, call.slice(dot + 1)) !== "implemented";
  });
  const outOfScope = [...declared.keys()].filter((n) => !(n in objects) && !n.startsWith("Constants."));
  return { classes, outOfScope, hostCallsUnimplemented, hostCalls: calls };
}
