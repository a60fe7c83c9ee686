// Runs the compiled ExtendScript bundle against the in-memory DOM, answering evalScript the way
// CEP does: the result as text, or "EvalScript error." when the script throws.
import fs from "node:fs";
import { createEs3Realm, type Es3Realm } from "./es3-realm";
import { ProjectItemType, SimApp, type SimProject } from "./premiere-dom";

export const CEP_EVAL_ERROR = "EvalScript error.";

export interface SimulatorOptions {
  project: SimProject | null;
  hostVersion?: string;
}

export class PremiereSimulator {
  readonly realm: Es3Realm;
  readonly app: SimApp;

  constructor(options: SimulatorOptions) {
    this.app = new SimApp(options.project, options.hostVersion);
    const dollar: Record<string, unknown> = {
      os: "Simulator",
      version: "4.5.5",
      writeln: () => undefined,
      sleep: () => undefined,
    };
    this.realm = createEs3Realm({ app: this.app, $: dollar, ProjectItemType });
    dollar.global = this.realm.context;
    options.project?.rootItem.attach(this.realm);
  }

  /** Evaluates the host bundle, as Premiere does with the manifest's ScriptPath. */
  loadBundle(file: string): this {
    this.realm.run(fs.readFileSync(file, "utf8"), "index.js");
    return this;
  }

  evalScript(script: string): string {
    try {
      const result = this.realm.run(script, "evalScript.jsx");
      return String(result);
    } catch {
      return CEP_EVAL_ERROR;
    }
  }
}
