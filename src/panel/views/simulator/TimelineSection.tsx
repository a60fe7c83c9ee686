import { Checkbox } from "@adobe/react-spectrum";
import { simApi } from "./sim-api";
import { ToolSection } from "./ToolSection";
import type { SimTools } from "./use-sim-state";

const timecode = (seconds: number) =>
  `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, "0")}`;

/** The active sequence's clips: select them as a click in the timeline would (what a Timeline batch reads). */
export function TimelineSection({ sim }: { sim: SimTools }) {
  const sequence = sim.state?.sequence;
  const selected = sequence?.clips.filter((c) => c.selected).map((c) => c.id) ?? [];
  return (
    <ToolSection id="timeline" title={sequence ? `Timeline: ${sequence.name}` : "Timeline"} sim={sim}>
      {!sequence ? (
        <p className="muted">No sequence is open.</p>
      ) : (
        <ul className="sim-rows" aria-label={`Timeline: ${sequence.name}`}>
          {sequence.clips.map((clip) => (
            <li key={clip.id}>
              <Checkbox
                isSelected={clip.selected}
                onChange={(on) => {
                  const ids = on ? [...selected, clip.id] : selected.filter((id) => id !== clip.id);
                  void sim.act(
                    () => simApi.select("timeline", ids),
                    (state) =>
                      state.sequence
                        ? {
                            ...state,
                            sequence: {
                              ...state.sequence,
                              clips: state.sequence.clips.map((c) => ({ ...c, selected: ids.includes(c.id) })),
                            },
                          }
                        : state,
                  );
                }}
              >
                <span className="sim-name">
                  {clip.track} · {timecode(clip.start)} · {clip.name}
                </span>
              </Checkbox>
            </li>
          ))}
        </ul>
      )}
    </ToolSection>
  );
}
