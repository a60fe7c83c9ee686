// bench:clip's simulated Premiere in its own process: builds the project, then answers each
// { id, script } message with the compiled host bundle's evalScript result.
// argv: <SimMedia as JSON> <clip count>
import { ProjectItemType, SimProject, SimProjectItem, type SimMedia } from "../../src/sim/premiere-dom";
import { PremiereSimulator } from "../../src/sim/premiere-simulator";
import { JSX_OUT } from "../../scripts/build-jsx";

const media = JSON.parse(process.argv[2]) as SimMedia;
const count = Number(process.argv[3]);
const project = new SimProject("/Volumes/Projekte/bench-clip.prproj");
const bin = project.rootItem.add(new SimProjectItem("Karte A001", ProjectItemType.BIN));
for (let i = 0; i < count; i++)
  bin.add(new SimProjectItem(`A001_C${String(i + 1).padStart(3, "0")}.mp4`, ProjectItemType.CLIP, media));
const simulator = new PremiereSimulator({ project }).loadBundle(JSX_OUT);
process.on("message", (m) => {
  const { id, script } = m as { id: number; script: string };
  process.send!({ id, result: simulator.evalScript(script) });
});
process.on("disconnect", () => process.exit(0));
process.send!({ ready: true });
