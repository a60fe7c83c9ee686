// ExtendScript's own globals beside the DOM: `$` (os, version, sleep, global, ...), the
// ExternalObject loader with the library names real scripts use, and CSXSEvent.
import type { EventEmitter } from "node:events";
import type { HostClock } from "./host-clock";
import type { SimPaths } from "./sim-paths";
import { XMPConst, XMPMeta } from "./xmp-meta";

export interface CsxsEvent {
  type: string;
  data: string;
}

const OS_STRINGS = { windows: "Windows/64 10.0", macos: "Macintosh OS 14.5.0/64" } as const;

/** "lib:AdobeXMPScript", with the platform's suffix or without, as scripts write it. */
function libraryName(name: string, paths: SimPaths): string | null {
  const match = /^lib:(.+?)(\.dll|\.framework)?$/i.exec(String(name));
  if (!match) return null;
  if (match[2] && match[2].toLowerCase() !== (paths.windows ? ".dll" : ".framework")) return null;
  return match[1];
}

export function createExtendScriptEnv(options: {
  paths: SimPaths;
  clock: HostClock;
  events: EventEmitter;
  /** defines a global in the script realm */
  define: (name: string, value: unknown) => void;
}) {
  const { paths, clock, events, define } = options;
  const output: string[] = [];
  const dollar = {
    os: OS_STRINGS[paths.platform],
    version: "4.5.5",
    build: "ES 4.5.5",
    engineName: "main",
    level: 0,
    locale: "en_US",
    fileName: "",
    error: null as unknown,
    /** what scripts wrote with $.writeln, for tests */
    output,
    global: undefined as unknown,
    writeln: (...texts: unknown[]) => void output.push(texts.map(String).join("")),
    write: (...texts: unknown[]) => void output.push(texts.map(String).join("")),
    sleep: (ms: number) => clock.sleep(ms),
    getenv: (name: string) => (name === "HOME" || name === "USERPROFILE" ? paths.toHost(paths.home) : null),
    gc: () => undefined,
  };

  class CSXSEvent {
    type = "";
    data = "";
    scope = "APPLICATION";
    appId = "PPRO";
    extensionId = "";
    dispatch(): void {
      events.emit("csxs", { type: String(this.type), data: String(this.data) } satisfies CsxsEvent);
    }
  }

  const libraries: Record<string, () => void> = {
    AdobeXMPScript: () => {
      define("XMPMeta", XMPMeta);
      define("XMPConst", XMPConst);
    },
    PlugPlugExternalObject: () => define("CSXSEvent", CSXSEvent),
  };

  class ExternalObject {
    constructor(name: string) {
      const library = libraryName(name, paths);
      const load = library ? libraries[library] : undefined;
      if (!load) throw new Error(`ExternalObject: cannot load ${name}`);
      load();
    }
  }

  return { $: dollar, ExternalObject };
}
