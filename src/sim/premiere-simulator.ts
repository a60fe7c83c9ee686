// Runs the compiled ExtendScript bundle against the in-memory DOM, answering evalScript the way
// CEP does: the result as text, or "EvalScript error." when the script throws.
import { EventEmitter } from "node:events";
import fs from "node:fs";
import { createEs3Realm, type Es3Realm } from "./es3-realm";
import { SimFile, SimFolder } from "./extendscript-files";
import { HostClock } from "./host-clock";
import { ProjectItemType, SimApp, type SimProject, type SimProjectItem } from "./premiere-dom";
import { QeProject, type ExportRecord } from "./qe-dom";
import { XMPConst, XMPMeta } from "./xmp-meta";

export const CEP_EVAL_ERROR = "EvalScript error.";

export interface SimulatorOptions {
  project: SimProject | null;
  hostVersion?: string;
  /** Premiere before 15.4: no app.getCurrentProjectViewSelection */
  legacySelectionApi?: boolean;
}

export interface CsxsEvent {
  type: string;
  data: string;
}

export class PremiereSimulator {
  readonly realm: Es3Realm;
  readonly app: SimApp;
  readonly clock = new HostClock();
  readonly exports: ExportRecord[] = [];
  /** CSXS events the host dispatches to the panel */
  readonly events = new EventEmitter();

  constructor(options: SimulatorOptions) {
    this.app = new SimApp(options.project, options.hostVersion);
    this.app.hasCurrentProjectViewSelection = !options.legacySelectionApi;
    const clock = this.clock;
    const dollar: Record<string, unknown> = {
      os: "Simulator",
      version: "4.5.5",
      writeln: () => undefined,
      sleep: (ms: number) => clock.sleep(ms),
    };
    const events = this.events;
    const realmRef: { realm?: Es3Realm } = {};
    class ExternalObject {
      constructor(name: string) {
        // Loading the XMP library defines XMPMeta/XMPConst for scripts, as in Premiere.
        if (String(name) === "lib:AdobeXMPScript") {
          realmRef.realm!.define("XMPMeta", XMPMeta);
          realmRef.realm!.define("XMPConst", XMPConst);
        } else if (String(name) === "lib:PlugPlugExternalObject") realmRef.realm!.define("CSXSEvent", CSXSEvent);
        else throw new Error(`ExternalObject: cannot load ${name}`);
      }
    }
    class CSXSEvent {
      type = "";
      data = "";
      scope = "APPLICATION";
      dispatch(): void {
        events.emit("csxs", { type: String(this.type), data: String(this.data) } satisfies CsxsEvent);
      }
    }
    this.realm = createEs3Realm({
      app: this.app,
      $: dollar,
      ProjectItemType,
      File: SimFile,
      Folder: SimFolder,
      ExternalObject,
    });
    realmRef.realm = this.realm;
    this.realm.run("$.global = this;");
    this.app.attach(this.realm);
    const qeProject = new QeProject(() => this.app.project, clock, this.exports);
    const enableQE = this.app.enableQE.bind(this.app);
    this.app.enableQE = () => {
      enableQE();
      this.realm.define("qe", { project: qeProject });
    };
    if (options.project) options.project.onItemAdded = (item) => this.itemAdded(options.project!, item);
  }

  /** Evaluates the host bundle, as Premiere does with the manifest's ScriptPath. */
  loadBundle(file: string): this {
    this.realm.run(fs.readFileSync(file, "utf8"), "index.js");
    return this;
  }

  evalScript(script: string): string {
    this.clock.drain(); // time passed since the last call: background work is done
    try {
      const result = this.realm.run(script, "evalScript.jsx");
      return String(result);
    } catch {
      return CEP_EVAL_ERROR;
    }
  }

  /** An import as the editor does it: the item appears in a bin and bound handlers hear of it. */
  importItem(bin: SimProjectItem, item: SimProjectItem): SimProjectItem {
    return bin.add(item);
  }

  /** Premiere calls app.onItemAddedToProjectSuccess(project, item) when a script set it. */
  private itemAdded(project: SimProject, item: SimProjectItem): void {
    const callback = this.app.onItemAddedToProjectSuccess;
    if (typeof callback !== "function") return;
    try {
      callback(project, item);
    } catch {
      // a throwing callback shows nothing to the user and does not stop the import
    }
  }
}
