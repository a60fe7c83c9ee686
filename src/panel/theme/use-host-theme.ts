import { createContext, useContext, useEffect, useState } from "react";
import type { EvalTransport } from "../../lib/bridge";
import {
  HOST_SKINS,
  THEME_COLOR_CHANGED_EVENT,
  panelTheme,
  themeCss,
  type AppSkinInfo,
  type PanelTheme,
} from "../../lib/theme/host-skin";

/** Before the host answers (and where it cannot, e.g. unit tests): Premiere's darkest skin. */
export const INITIAL_THEME = panelTheme(HOST_SKINS.darkest);

const HostThemeContext = createContext(INITIAL_THEME);
export const HostThemeProviderContext = HostThemeContext.Provider;
/** The panel's current theme, for views that need to know the skin (the preview's switcher). */
export const useTheme = (): PanelTheme => useContext(HostThemeContext);

async function readSkin(transport: EvalTransport): Promise<AppSkinInfo | null> {
  if (!transport.hostEnvironment) return null;
  const env = JSON.parse(await transport.hostEnvironment()) as { appSkinInfo?: AppSkinInfo };
  return env.appSkinInfo?.panelBackgroundColor?.color ? env.appSkinInfo : null;
}

/** The host's skin as the panel's theme: read once, and again on each ThemeColorChanged. */
export function useHostTheme(transport: EvalTransport): PanelTheme {
  const [theme, setTheme] = useState(INITIAL_THEME);
  useEffect(() => {
    let live = true;
    const refresh = () =>
      readSkin(transport).then(
        (info) => live && info && setTheme(panelTheme(info)),
        // no theme is no reason to stop the panel: it keeps the last one it had
        (e: Error) => console.warn("host theme:", e.message),
      );
    void refresh();
    const stop = transport.onHostEvent?.(THEME_COLOR_CHANGED_EVENT, () => void refresh());
    return () => {
      live = false;
      stop?.();
    };
  }, [transport]);
  // one stylesheet for every Spectrum provider (popovers' portals included): see themeCss
  useEffect(() => {
    let style = document.getElementById("host-theme");
    if (!style) {
      style = document.createElement("style");
      style.id = "host-theme";
      document.head.appendChild(style);
    }
    style.textContent = themeCss(theme);
    document.documentElement.dataset.skin = theme.skin;
  }, [theme]);
  return theme;
}
