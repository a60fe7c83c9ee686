import { ActionButton, Item, Picker } from "@adobe/react-spectrum";
import { SKIN_NAMES } from "../../lib/theme/host-skin";
import { useTheme } from "../theme/use-host-theme";
import { HostSwitch } from "./HostSwitch";
import { SimulatorKeyLog } from "./SimulatorKeyLog";
import { CatalogSection } from "./simulator/CatalogSection";
import { ProjectSection } from "./simulator/ProjectSection";
import { simApi } from "./simulator/sim-api";
import { TimelineSection } from "./simulator/TimelineSection";
import { useSimState, type SimTools } from "./simulator/use-sim-state";
import "./simulator/simulator-tools.css";

// Only in the browser preview: lets someone without Premiere act as an editor would in Premiere
// (import clips, change the brightness, select in the Project panel or the timeline, read a
// clip's metadata, take media offline) and stop the catalog. Each part is a section: a new tool
// is one more section component in the list below.
const SECTIONS: Array<(props: { sim: SimTools }) => React.ReactNode> = [
  ProjectSection,
  TimelineSection,
  CatalogSection,
];

export function SimulatorTools() {
  const { skin } = useTheme(); // the picker shows the skin the host reported, once it took effect
  const sim = useSimState();
  return (
    <footer className="simulator-tools sim-tools" aria-label="Simulated Premiere">
      <div className="sim-quick">
        <span className="muted">Simulated Premiere:</span>
        <ActionButton onPress={() => void sim.act(simApi.importClip)}>Import a sample clip</ActionButton>
        <Picker
          label="Brightness"
          labelPosition="side"
          isQuiet
          selectedKey={skin}
          onSelectionChange={(key) => void sim.act(() => simApi.setSkin(String(key)))}
          width="size-2400"
        >
          {SKIN_NAMES.map((name) => (
            <Item key={name}>{name}</Item>
          ))}
        </Picker>
        <HostSwitch />
        <SimulatorKeyLog />
      </div>
      {SECTIONS.map((Section, i) => (
        <Section key={i} sim={sim} />
      ))}
      {sim.problem && (
        <p className="status-problem" role="status">
          Simulator: {sim.problem}
        </p>
      )}
    </footer>
  );
}
