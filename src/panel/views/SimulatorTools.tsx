import { ActionButton, Item, Picker } from "@adobe/react-spectrum";
import { SKIN_NAMES } from "../../lib/theme/host-skin";
import { useTheme } from "../theme/use-host-theme";
import { usePanelStore } from "../use-panel";
import { HostSwitch, simulatorUrl } from "./HostSwitch";

// Only in the browser preview: lets someone without Premiere act like an editor importing clips
// or changing Premiere's brightness (the simulated host then fires ThemeColorChanged).
export function SimulatorTools() {
  const { skin } = useTheme(); // the picker shows the skin the host reported, once it took effect
  const { kind } = usePanelStore().services.host.transport;
  return (
    <footer className="simulator-tools" aria-label="Simulated Premiere">
      <span className="muted">Simulated Premiere:</span>
      <ActionButton onPress={() => void fetch(simulatorUrl("/__sim/import", kind), { method: "POST" })}>
        Import a sample clip
      </ActionButton>
      <Picker
        label="Brightness"
        labelPosition="side"
        isQuiet
        selectedKey={skin}
        onSelectionChange={(key) =>
          void fetch(simulatorUrl(`/__sim/skin?name=${String(key)}`, kind), { method: "POST" })
        }
        width="size-2400"
      >
        {SKIN_NAMES.map((name) => (
          <Item key={name}>{name}</Item>
        ))}
      </Picker>
      <HostSwitch />
    </footer>
  );
}
