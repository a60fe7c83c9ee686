// Premiere's UXP side in the simulator: the simulated `premierepro` module over the same project
// model the ExtendScript simulator uses (one project, seen through either DOM), and the UXP host
// adapter (src/uxp/host) running against it. Its control surface is PremiereSimulator's: the
// preview and the tests drive either simulator alike.
import { EventEmitter } from "node:events";
import fs from "node:fs";
import os from "node:os";
import type { premierepro } from "@adobe/premierepro";
import { HOST_EVENT_TYPES } from "../../shared/bridge/host-events";
import { createUxpHost, type UxpHost } from "../../uxp/host";
import { HostClock } from "../host-clock";
import { SimHostEnvironment } from "../host-environment";
import { SimApp, type SimProjectItem } from "../premiere-dom";
import type { CsxsEvent, SimulatorOptions } from "../premiere-simulator";
import type { ExportRecord } from "../qe-dom";
import { SimPaths } from "../sim-paths";
import { simulatorTemp } from "../sim-temp";
import { UxpLock, type UxpTransactionRecord } from "./uxp-actions";
import { wrapProject, type UxpWorld } from "./uxp-dom";
import { createUxpModule, type UxpModule } from "./uxp-module";
import { simulatedUxpServices } from "./uxp-services";

export interface UxpSimulatorOptions extends Pick<
  SimulatorOptions,
  "project" | "hostVersion" | "platform" | "caseSensitive" | "home" | "temp" | "fileRoots" | "mediaEncoder"
> {
  /** 26.3.2's "frame.png.png"; default: from hostVersion 26.3.2 on */
  doubleFrameExtension?: boolean;
  /** broken on purpose: exportSequenceFrame accepts and writes nothing */
  brokenFrameExport?: boolean;
  /** the self-check's sample clip (a real path), as the plugin ships it */
  sampleFile?: string;
}

/** Premiere 26.3.2 appends the format's extension to a frame's file name that has it already. */
export function writesDoubleExtension(version: string): boolean {
  const [major, minor, patch] = version.split(".").map((n) => parseInt(n, 10) || 0);
  return major > 26 || (major === 26 && (minor > 3 || (minor === 3 && patch >= 2)));
}

export class UxpPremiereSimulator {
  readonly app: SimApp;
  readonly clock = new HostClock();
  readonly exports: ExportRecord[] = [];
  readonly paths: SimPaths;
  /** host events, as {type, data}: the same stream PremiereSimulator's CSXS events are */
  readonly events = new EventEmitter();
  readonly environment: SimHostEnvironment;
  /** the simulated `require("premierepro")` */
  readonly ppro: UxpModule;
  /** every transaction the host ran: undo text, actions, whether Premiere took it */
  readonly transactions: UxpTransactionRecord[];
  readonly kind = "uxp" as const;
  private readonly world: UxpWorld;
  private readonly host: UxpHost;

  constructor(options: UxpSimulatorOptions) {
    this.app = new SimApp(options.project, options.hostVersion ?? "26.3.2");
    if (options.mediaEncoder === false) (this.app as { encoder?: unknown }).encoder = undefined;
    this.environment = new SimHostEnvironment(this.app.version, this.events);
    this.paths = new SimPaths({
      platform: options.platform ?? "macos",
      home: options.home ?? os.homedir(),
      temp: options.temp ?? simulatorTemp(),
      roots: options.fileRoots,
      caseSensitive: options.caseSensitive,
    });
    const paths = this.paths;
    if (options.project) {
      options.project.hostPath = (real) => paths.toHost(real);
      options.project.realPath = (host) => {
        const real = paths.toReal(host);
        return paths.allowed(real) && fs.existsSync(real) ? real : null;
      };
      // UXP has no per-item event: imports are announced by importItem and importFiles
      options.project.onItemAdded = null;
    }
    const lock = new UxpLock();
    this.transactions = lock.transactions;
    this.world = {
      app: this.app,
      lock,
      settle: (value) =>
        new Promise((resolve, reject) =>
          setImmediate(() => {
            try {
              resolve(value());
            } catch (e) {
              reject(e);
            }
          }),
        ),
      fire: () => undefined,
      wrappers: new WeakMap(),
    };
    this.ppro = createUxpModule({
      world: this.world,
      paths,
      clock: this.clock,
      exports: this.exports,
      exportBehaviour: {
        doubleExtension: options.doubleFrameExtension ?? writesDoubleExtension(this.app.version),
        broken: options.brokenFrameExport,
      },
      mediaEncoder: options.mediaEncoder,
    });
    const services = simulatedUxpServices({
      paths,
      clock: this.clock,
      premiereBuild: `${this.app.version}.1`,
      sampleFile: options.sampleFile ? paths.toHost(options.sampleFile) : undefined,
    });
    this.host = createUxpHost(this.ppro as unknown as premierepro, services);
    this.host.onHostEvent(HOST_EVENT_TYPES.itemsAdded, (data) =>
      this.events.emit("csxs", { type: HOST_EVENT_TYPES.itemsAdded, data } satisfies CsxsEvent),
    );
  }

  /** One bridge call, as the plugin's webview sends it: the host's envelope text. */
  async call(fn: string, args: unknown[]): Promise<string> {
    this.clock.drain(); // time passed since the last call: background work is done
    return this.host.call(fn, args);
  }

  /** An import as the editor does it: the item appears in a bin, then IMPORT_MEDIA_COMPLETE. */
  importItem(bin: SimProjectItem, item: SimProjectItem): SimProjectItem {
    const added = bin.add(item);
    const project = this.app.project;
    if (project)
      this.world.fire(wrapProject(this.world, project), this.ppro.OperationCompleteEvent.EVENT_IMPORT_MEDIA_COMPLETE, {
        state: 0,
      });
    return added;
  }
}
