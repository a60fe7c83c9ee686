// Runs the compiled ExtendScript bundle against the in-memory DOM, answering evalScript the way
// CEP does: the result as text, or "EvalScript error." when the script throws.
import { EventEmitter } from "node:events";
import fs from "node:fs";
import os from "node:os";
import { createEs3Realm, type Es3Realm } from "./es3-realm";
import { createFileClasses } from "./extendscript-files";
import { SimPaths, type SimPlatform } from "./sim-paths";
import { HostClock } from "./host-clock";
import { SimApp, SimDocument, SimTime, globalConstants, type SimProject, type SimProjectItem } from "./premiere-dom";
import {
  QeApplication,
  QeProject,
  qeExportFormOf,
  type ExportRecord,
  type QeExportCall,
  type QeExportForm,
  type QeExportMode,
} from "./qe-dom";
import { createExtendScriptEnv, type CsxsEvent } from "./extendscript-env";
import { SimHostEnvironment } from "./host-environment";
import { simulatorTemp } from "./sim-temp";
import { hostCallScript } from "../lib/bridge/client";

export const CEP_EVAL_ERROR = "EvalScript error.";

export interface SimulatorOptions {
  project: SimProject | null;
  hostVersion?: string;
  /** Premiere before 15.4: no app.getCurrentProjectViewSelection */
  legacySelectionApi?: boolean;
  /** how paths are spelled and matched: "macos" (default) or "windows" */
  platform?: SimPlatform;
  /** macOS only: a case-sensitive APFS volume (default: case-insensitive, as both platforms ship) */
  caseSensitive?: boolean;
  /** the real folder "~" is; default the user's home */
  home?: string;
  /** the real folder Folder.temp is; default this user's private folder (sim-temp.ts) */
  temp?: string;
  /** when set, scripts' File/Folder and frame exports reach nothing outside these real folders */
  fileRoots?: string[];
  /** what QE's exportFramePNG renders: the time it is given (default) or the player position */
  qeExportMode?: QeExportMode;
  /** which exportFrame* calls QE accepts; default by hostVersion (26.x from version 26 on) */
  qeExportForm?: QeExportForm;
  /** broken on purpose: QE's exportFrame* return false and write nothing, whatever they are given */
  brokenQeExport?: boolean;
  /** false: no app.encoder (Premiere without Media Encoder's scripting object) */
  mediaEncoder?: boolean;
}

export type { CsxsEvent };

export class PremiereSimulator {
  readonly realm: Es3Realm;
  readonly app: SimApp;
  readonly clock = new HostClock();
  readonly exports: ExportRecord[] = [];
  /** every QE exportFrame* call scripts made, with what they passed and whether QE took it */
  readonly qeExportCalls: QeExportCall[] = [];
  /** what `qe` is once a script called app.enableQE() */
  readonly qe: QeApplication;
  /** the simulated platform's paths: toReal() turns a path the host returned into a real one */
  readonly paths: SimPaths;
  /** CSXS events the host dispatches to the panel */
  readonly events = new EventEmitter();
  /** what CEP's getHostEnvironment() reports: app, version and the brightness skin */
  readonly environment: SimHostEnvironment;
  private readonly dollar: { fileName: string };

  constructor(options: SimulatorOptions) {
    this.app = new SimApp(options.project, options.hostVersion);
    this.app.hasCurrentProjectViewSelection = !options.legacySelectionApi;
    if (options.mediaEncoder === false) (this.app as { encoder?: unknown }).encoder = undefined;
    this.environment = new SimHostEnvironment(this.app.version, this.events);
    const temp = options.temp ?? simulatorTemp();
    this.paths = new SimPaths({
      platform: options.platform ?? "macos",
      home: options.home ?? os.homedir(),
      temp,
      roots: options.fileRoots,
      caseSensitive: options.caseSensitive,
    });
    const files = createFileClasses(this.paths);
    const paths = this.paths;
    if (options.project) {
      options.project.hostPath = (real) => paths.toHost(real);
      options.project.realPath = (host) => {
        const real = paths.toReal(host);
        return paths.allowed(real) && fs.existsSync(real) ? real : null;
      };
    }
    this.app.prefPath = paths.toHost(
      `${paths.home}/${paths.windows ? "AppData/Roaming/Adobe" : "Library/Preferences/Adobe"}/Premiere Pro/24.0`,
    );
    const clock = this.clock;
    const realmRef: { realm?: Es3Realm } = {};
    const env = createExtendScriptEnv({
      paths: this.paths,
      clock,
      events: this.events,
      define: (name, value) => realmRef.realm!.define(name, value),
    });
    this.realm = createEs3Realm({
      app: this.app,
      $: env.$,
      ...globalConstants(),
      document: new SimDocument(this.app),
      Time: SimTime,
      File: files.File,
      Folder: files.Folder,
      ExternalObject: env.ExternalObject,
    });
    realmRef.realm = this.realm;
    this.dollar = env.$;
    this.realm.run("$.global = this;");
    this.app.attach(this.realm);
    const qeProject = new QeProject(
      () => this.app.project,
      clock,
      this.exports,
      this.paths,
      {
        mode: options.qeExportMode ?? "given-time",
        form: options.qeExportForm ?? qeExportFormOf(this.app.version),
        broken: options.brokenQeExport,
      },
      this.qeExportCalls,
    );
    const qeApplication = new QeApplication(qeProject, this.app.version, this.paths.fsName);
    this.qe = qeApplication;
    const enableQE = this.app.enableQE.bind(this.app);
    this.app.enableQE = () => {
      enableQE();
      this.realm.define("qe", qeApplication);
    };
    if (options.project) options.project.onItemAdded = (item) => this.itemAdded(options.project!, item);
  }

  /** Evaluates the host bundle, as Premiere does with the manifest's ScriptPath. */
  loadBundle(file: string): this {
    // while a file is evaluated, ExtendScript's $.fileName names it
    this.dollar.fileName = this.paths.toHost(file);
    try {
      this.realm.run(fs.readFileSync(file, "utf8"), "index.js");
    } finally {
      this.dollar.fileName = "";
    }
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

  /** One bridge call as data (what UxpPremiereSimulator also takes): the host's envelope text. */
  async call(fn: string, args: unknown[]): Promise<string> {
    return this.evalScript(hostCallScript(fn, args));
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
