import { Item, Picker } from "@adobe/react-spectrum";
import { usePanelStore } from "../use-panel";

// Only in the browser preview: which Premiere host the panel runs on. "UXP" opens the preview's
// stand-in for the UXP plugin, which shows this same page in an iframe playing the plugin's
// <webview> and runs the plugin's real message bridge (docs/adr/0033).
const PAGES = { cep: "/main/index.html", uxp: "/uxp/index.html" } as const;

/** The simulator's own requests (import, skin) go to the host the panel runs on. */
export const simulatorUrl = (path: string, kind: string): string =>
  kind === "uxp" ? `${path}${path.includes("?") ? "&" : "?"}host=uxp` : path;

export function HostSwitch() {
  const current = usePanelStore().services.host.transport.kind === "uxp" ? "uxp" : "cep";
  return (
    <Picker
      label="Host"
      labelPosition="side"
      isQuiet
      selectedKey={current}
      // the whole preview changes page: in UXP mode this panel is inside the plugin's frame
      onSelectionChange={(key) =>
        key !== current && (window.top ?? window).location.assign(PAGES[key as keyof typeof PAGES])
      }
      width="size-2000"
    >
      <Item key="cep">CEP (ExtendScript)</Item>
      <Item key="uxp">UXP plugin</Item>
    </Picker>
  );
}
