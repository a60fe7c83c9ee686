// Premiere's UXP theme (document.theme: "darkest", "dark", "light"; Adobe's CSS recipe) as the
// environment JSON the panel already reads from CEP (appSkinInfo), so src/lib/theme maps both.
import { HOST_SKINS, SKIN_NAMES, type AppSkinInfo, type SkinName } from "../../lib/theme/host-skin";

/** What the plugin's document.theme offers (Premiere's UXP DOM; not in @adobe/premierepro). */
export interface UxpDocumentTheme {
  getCurrent(): string;
  onUpdated: {
    addListener(listener: (theme: string) => void): void;
    removeListener?(listener: (theme: string) => void): void;
  };
}

/** UXP's theme names are CEP's skin names; "medium" (other UXP hosts) is the dark one, and an
 * unknown name keeps Premiere's default, darkest. */
export function skinOfUxpTheme(theme: string): SkinName {
  const name = theme.toLowerCase();
  if ((SKIN_NAMES as readonly string[]).includes(name)) return name as SkinName;
  return name === "medium" ? "dark" : "darkest";
}

export interface UxpEnvironmentJson {
  appName: "PPRO";
  appVersion: string;
  appLocale: string;
  appSkinInfo: AppSkinInfo;
}

/** The environment as CEP's getHostEnvironment() gives it, for the panel's theme. */
export function uxpEnvironment(theme: string, app: { version?: string; uiLocale?: string } = {}): UxpEnvironmentJson {
  return {
    appName: "PPRO",
    appVersion: app.version ?? "",
    appLocale: app.uiLocale ?? "en_US",
    appSkinInfo: HOST_SKINS[skinOfUxpTheme(theme)],
  };
}
