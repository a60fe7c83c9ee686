import { ActionButton, Item, Picker } from "@adobe/react-spectrum";
import { SKIN_NAMES } from "../../lib/theme/host-skin";
import { useTheme } from "../theme/use-host-theme";
import { SimulatorKeyLog } from "./SimulatorKeyLog";

// Only in the browser preview: lets someone without Premiere act like an editor importing clips
// or changing Premiere's brightness (the simulated host then fires ThemeColorChanged).
export function SimulatorTools() {
  const { skin } = useTheme(); // the picker shows the skin the host reported, once it took effect
  return (
    <footer className="simulator-tools" aria-label="Simulated Premiere">
      <span className="muted">Simulated Premiere:</span>
      <ActionButton onPress={() => void fetch("/__sim/import", { method: "POST" })}>Import a sample clip</ActionButton>
      <Picker
        label="Brightness"
        labelPosition="side"
        isQuiet
        selectedKey={skin}
        onSelectionChange={(key) => void fetch(`/__sim/skin?name=${String(key)}`, { method: "POST" })}
        width="size-2400"
      >
        {SKIN_NAMES.map((name) => (
          <Item key={name}>{name}</Item>
        ))}
      </Picker>
      <SimulatorKeyLog />
    </footer>
  );
}
