// npm run sim:coverage: every member types-for-adobe declares for the Premiere DOM classes the
// simulator models, checked against the simulator's objects: implemented, or present and
// failing with "not available in the simulator". Exits non-zero when a member is missing.
// `npm run sim:coverage -- other.d.ts` checks against another Premiere declaration file.
// Then the same for the UXP DOM (@adobe/premierepro, scripts/sim-coverage-uxp.ts), plus the
// members the UXP host calls, which must be implemented; a fourth argument names another
// premierepro.d.ts.
import path from "node:path";
import ts from "typescript";
import { pathToFileURL } from "node:url";
import { isNotAvailable } from "../src/sim/dom/dom-object";
import {
  ProjectItemType,
  SimDocument,
  SimProjectItem,
  SimSequence,
  SimTime,
  SimTrackItem,
  globalConstants,
} from "../src/sim/premiere-dom";
import { PremiereSimulator } from "../src/sim/premiere-simulator";
import { createSampleProject } from "../src/sim/sample-project";
import { UXP_DECLARATIONS, uxpSimCoverage } from "./sim-coverage-uxp";

const root = path.resolve(import.meta.dirname, "..");
export const DECLARATIONS = path.join(root, "node_modules/types-for-adobe/Premiere/24.0/index.d.ts");
export const QE_DECLARATIONS = path.join(root, "node_modules/types-for-adobe-extras/Premiere/24.0/qeDom.d.ts");

export interface ClassCoverage {
  name: string;
  declared: number;
  implemented: number;
  notAvailable: number;
  missing: string[];
}

/** Declared members per class (static ones prefixed "static "), read with the compiler. The QE
 * file's interfaces are named "QE <name>" where their name does not say so already. */
export function declaredMembers(file = DECLARATIONS, qe = false): Map<string, string[]> {
  const source = ts.createSourceFile(file, ts.sys.readFile(file) ?? "", ts.ScriptTarget.Latest, true);
  const out = new Map<string, string[]>();
  source.forEachChild((node) => {
    const decl = qe ? (ts.isInterfaceDeclaration(node) ? node : null) : ts.isClassDeclaration(node) ? node : null;
    if (!decl?.name) return;
    const className = qe && !decl.name.text.startsWith("QE") ? `QE ${decl.name.text}` : decl.name.text;
    const names: string[] = [];
    for (const member of decl.members) {
      if (!member.name || !(ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) continue;
      const isStatic = ts.getCombinedModifierFlags(member as ts.Declaration) & ts.ModifierFlags.Static;
      names.push(`${isStatic ? "static " : ""}${member.name.text}`);
    }
    if (names.length) out.set(className, [...new Set(names)]);
  });
  return out;
}

/** One simulator object per modelled class, from a sample project with a clip on a sequence. */
function simulatorObjects(): Record<string, { instance: object; statics: object }> {
  const project = createSampleProject();
  const simulator = new PremiereSimulator({ project });
  const app = simulator.app;
  const clip = project.allItems().find((i) => i.media)!;
  const seq = new SimSequence("Coverage", new SimProjectItem("Coverage", ProjectItemType.CLIP), 25, [clip]);
  project.addSequence(seq);
  const track = seq.videoTrackList[0];
  const marker = seq.markers.createMarker(1, "m", 0, "");
  project.activeSequence = seq;
  const qe = simulator.qe;
  const qeSequence = qe.project.getActiveSequence()!;
  const of = (instance: object) => ({ instance, statics: instance.constructor });
  return {
    Application: of(app),
    Project: of(project),
    ProjectItem: of(clip),
    ProjectItemCollection: of(project.rootItem.children),
    ProjectCollection: of(app.projects),
    Sequence: { instance: seq, statics: SimSequence },
    SequenceCollection: of(project.sequences),
    SequenceSettings: of(seq.getSettings()),
    Track: of(track),
    TrackCollection: of(seq.videoTracks),
    TrackItem: { instance: track.items[0] as SimTrackItem, statics: SimTrackItem },
    TrackItemCollection: of(track.clips),
    Time: { instance: new SimTime(0), statics: SimTime },
    Marker: of(marker),
    MarkerCollection: of(seq.markers),
    Encoder: of(app.encoder),
    SourceMonitor: of(app.sourceMonitor),
    ComponentParamCollection: of(app.properties),
    Anywhere: of(app.anywhere),
    Csxs: of(app.csxs),
    CsxsResourceCentral: of(app.csxs.resourceCentral),
    Metadata: of(app.metadata),
    ProjectManager: of(app.projectManager),
    ProjectManagerOptions: of(app.projectManager.options),
    PrProduction: of(app.production),
    Component: of(track.items[0].components[0]),
    ComponentCollection: of(track.items[0].components),
    ComponentParam: of(track.items[0].components[1].properties[0]),
    ProjectItemType: { instance: globalConstants().ProjectItemType, statics: globalConstants().ProjectItemType },
    ScratchDiskType: { instance: globalConstants().ScratchDiskType, statics: globalConstants().ScratchDiskType },
    Document: of(new SimDocument(app)),
    QEApplication: of(qe),
    QEProject: of(qe.project),
    QEProjectItem: of(qe.project.getItemAt(0)!),
    "QE Sequence": of(qeSequence),
    "QE Track": of(qeSequence.getVideoTrackAt(0)!),
  };
}

/** `premiere` and `qe` default to the declarations the project type-checks against. */
export function simCoverage(
  premiere = DECLARATIONS,
  qe = QE_DECLARATIONS,
): {
  classes: ClassCoverage[];
  outOfScope: string[];
} {
  const declared = new Map([...declaredMembers(premiere), ...declaredMembers(qe, true)]);
  const objects = simulatorObjects();
  const classes: ClassCoverage[] = [];
  for (const [name, target] of Object.entries(objects)) {
    if (!declared.has(name)) continue;
    const members = declared.get(name)!;
    const row: ClassCoverage = { name, declared: members.length, implemented: 0, notAvailable: 0, missing: [] };
    for (const member of members) {
      const isStatic = member.startsWith("static ");
      const key = isStatic ? member.slice(7) : member;
      const holder = (isStatic ? target.statics : target.instance) as Record<string, unknown>;
      if (!(key in holder)) row.missing.push(member);
      else if (isNotAvailable(holder[key])) row.notAvailable++;
      else row.implemented++;
    }
    classes.push(row);
  }
  const outOfScope = [...declared.keys()].filter((n) => !(n in objects));
  return { classes, outOfScope };
}

function printTable(title: string, classes: ClassCoverage[], outOfScope: string[]): void {
  const pad = (s: string | number, n: number) => String(s).padEnd(n);
  console.log(title);
  console.log(`${pad("class", 34)}${pad("declared", 10)}${pad("implemented", 13)}not available`);
  for (const c of classes)
    console.log(`${pad(c.name, 34)}${pad(c.declared, 10)}${pad(c.implemented, 13)}${c.notAvailable}`);
  const total = (k: "declared" | "implemented" | "notAvailable") => classes.reduce((s, c) => s + c[k], 0);
  console.log(
    `${pad("total", 34)}${pad(total("declared"), 10)}${pad(total("implemented"), 13)}${total("notAvailable")}`,
  );
  console.log(`not modelled (no object of these in the simulator): ${outOfScope.join(", ")}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  // optional arguments: other declaration files (Premiere's, QE's, then UXP's) to check against
  const { classes, outOfScope } = simCoverage(process.argv[2] || DECLARATIONS, process.argv[3] || QE_DECLARATIONS);
  printTable("ExtendScript DOM (types-for-adobe Premiere 24.0, QE)", classes, outOfScope);
  const uxp = uxpSimCoverage(process.argv[4] || UXP_DECLARATIONS);
  console.log("");
  printTable("UXP DOM (@adobe/premierepro)", uxp.classes, uxp.outOfScope);
  console.log(
    `members the UXP host uses: ${uxp.hostCalls.length}, all implemented: ${uxp.hostCallsUnimplemented.length === 0}`,
  );
  let failed = false;
  const missing = classes.flatMap((c) => c.missing.map((m) => `${c.name}.${m}`));
  if (missing.length) {
    console.error(`missing from the simulator: ${missing.join(", ")}`);
    failed = true;
  }
  const uxpMissing = uxp.classes.flatMap((c) => c.missing.map((m) => `${c.name}.${m}`));
  if (uxpMissing.length) {
    console.error(`missing from the UXP simulator: ${uxpMissing.join(", ")}`);
    failed = true;
  }
  if (uxp.hostCallsUnimplemented.length) {
    console.error(
      `used by the UXP host but not implemented in its simulator: ${uxp.hostCallsUnimplemented.join(", ")}`,
    );
    failed = true;
  }
  if (failed) process.exit(1);
}
