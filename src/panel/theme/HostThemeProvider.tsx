import { Provider, darkTheme, defaultTheme, lightTheme } from "@adobe/react-spectrum";
import type { ReactNode } from "react";
import type { EvalTransport } from "../../lib/bridge";
import type { SkinName } from "../../lib/theme/host-skin";
import { HostThemeProviderContext, useHostTheme } from "./use-host-theme";

// Spectrum's four colour stops: darkTheme's dark is "darkest", lightTheme's light is "lightest"
const SPECTRUM_THEME = {
  darkest: darkTheme,
  dark: defaultTheme,
  light: defaultTheme,
  lightest: lightTheme,
} satisfies Record<SkinName, typeof defaultTheme>;

/** Spectrum's Provider in Premiere's current skin; views inside follow it through Spectrum's
 * variables (docs/adr/0020-host-theme.md), never with colours of their own. */
export function HostThemeProvider({ transport, children }: { transport: EvalTransport; children: ReactNode }) {
  const theme = useHostTheme(transport);
  return (
    <Provider
      theme={SPECTRUM_THEME[theme.skin]}
      colorScheme={theme.colorScheme}
      scale="medium"
      UNSAFE_className="spectrum-root"
      data-skin={theme.skin}
    >
      <HostThemeProviderContext value={theme}>{children}</HostThemeProviderContext>
    </Provider>
  );
}
