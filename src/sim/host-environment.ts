// What CEP's getHostEnvironment() answers in the simulated Premiere, and its brightness: the
// preview's tools switch between the four skins, and CEP's ThemeColorChanged event follows,
// as it does when an editor changes Premiere's brightness.
import type { EventEmitter } from "node:events";
import { HOST_SKINS, THEME_COLOR_CHANGED_EVENT, type AppSkinInfo, type SkinName } from "../lib/theme/host-skin";
import type { CsxsEvent } from "./extendscript-env";

export interface SimHostEnvironmentJson {
  appName: "PPRO";
  appVersion: string;
  appLocale: string;
  appSkinInfo: AppSkinInfo;
}

export class SimHostEnvironment {
  skin: SkinName = "darkest";

  constructor(
    private readonly version: string,
    private readonly events: EventEmitter,
  ) {}

  toJSON(): SimHostEnvironmentJson {
    return { appName: "PPRO", appVersion: this.version, appLocale: "en_US", appSkinInfo: HOST_SKINS[this.skin] };
  }

  /** The editor picks another brightness: the skin changes, then the event tells the panels. */
  setSkin(skin: SkinName): void {
    if (!(skin in HOST_SKINS)) throw new Error(`no such Premiere skin: ${skin}`);
    this.skin = skin;
    this.events.emit("csxs", { type: THEME_COLOR_CHANGED_EVENT, data: "" } satisfies CsxsEvent);
  }
}
