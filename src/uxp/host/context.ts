// What every host function is given: Premiere's UXP module, the services, how paths are spelled,
// and the little state the host keeps between calls (registered columns, the import watch).
import type { premierepro } from "@adobe/premierepro";
import type { PathStyle } from "./paths";
import type { UxpHostServices } from "./services";

export interface HostState {
  /** projects (by path) whose Project panel columns are registered */
  registeredColumns: Set<string>;
  /** node ids known when the import watch last looked; null: not watching */
  knownIds: Set<string> | null;
  /** host event listeners by event type */
  listeners: Map<string, Set<(data: string) => void>>;
}

export interface HostContext {
  ppro: premierepro;
  services: UxpHostServices;
  style: PathStyle;
  state: HostState;
}

export function createContext(ppro: premierepro, services: UxpHostServices): HostContext {
  return {
    ppro,
    services,
    style: { windows: services.platform === "windows" },
    state: { registeredColumns: new Set(), knownIds: null, listeners: new Map() },
  };
}

export function emit(ctx: HostContext, type: string, data: string): void {
  for (const listener of [...(ctx.state.listeners.get(type) ?? [])]) {
    try {
      listener(data);
    } catch {
      // one listener failing must not stop the others
    }
  }
}
