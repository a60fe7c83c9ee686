import { ActionButton, Checkbox } from "@adobe/react-spectrum";
import { useEffect, useState } from "react";
import type { ItemMetadata, ProjectRow } from "../../../lib/preview/simulator-tools-contract";
import { simApi } from "./sim-api";
import { ToolSection } from "./ToolSection";
import type { SimTools } from "./use-sim-state";

/** The simulated Project panel: select items (what a Selection batch reads), see a clip's
 * metadata as Premiere shows it, take a clip offline or relink it. */
export function ProjectSection({ sim }: { sim: SimTools }) {
  const rows = sim.state?.project ?? [];
  const [shown, setShown] = useState<string | null>(null);
  const selected = rows.filter((r) => r.selected).map((r) => r.id);
  const toggle = (row: ProjectRow, on: boolean) => {
    const ids = on ? [...selected, row.id] : selected.filter((id) => id !== row.id);
    void sim.act(
      () => simApi.select("project", ids),
      (state) => ({ ...state, project: state.project.map((r) => ({ ...r, selected: ids.includes(r.id) })) }),
    );
  };
  return (
    <ToolSection
      id="project"
      title={`Project panel${selected.length ? ` · ${selected.length} selected` : ""}`}
      sim={sim}
    >
      <ul className="sim-rows" aria-label="Project panel">
        {rows.map((row) => (
          <li key={row.id} style={{ paddingInlineStart: row.depth * 12 }} data-kind={row.kind}>
            <div className="sim-row">
              {row.kind === "bin" ? (
                <Checkbox isSelected={row.selected} onChange={(on) => toggle(row, on)}>
                  <span className="sim-name">{row.name}/</span>
                </Checkbox>
              ) : (
                <Checkbox isSelected={row.selected} onChange={(on) => toggle(row, on)}>
                  <span className="sim-name">{row.name}</span>
                  {row.offline && <span className="sim-tag"> offline</span>}
                </Checkbox>
              )}
              {row.kind === "clip" && (
                <span className="sim-row-actions">
                  <ActionButton
                    isQuiet
                    aria-expanded={shown === row.id}
                    aria-label={`Metadata of ${row.name}`}
                    onPress={() => setShown(shown === row.id ? null : row.id)}
                  >
                    Metadata
                  </ActionButton>
                  <ActionButton
                    isQuiet
                    aria-label={`${row.offline ? "Relink" : "Make offline"}: ${row.name}`}
                    onPress={() => void sim.act(() => simApi.setOnline(row.id, row.offline))}
                  >
                    {row.offline ? "Relink" : "Make offline"}
                  </ActionButton>
                </span>
              )}
            </div>
            {shown === row.id && <MetadataView id={row.id} version={sim.state} />}
          </li>
        ))}
      </ul>
    </ToolSection>
  );
}

/** A clip's metadata as Premiere's Metadata panel (the XMP fields IA reads and writes) and the
 * Project panel's columns show it; read again whenever the simulator's state was. */
function MetadataView({ id, version }: { id: string; version: unknown }) {
  const [meta, setMeta] = useState<ItemMetadata | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    simApi.metadata(id).then(
      (m) => current && (setMeta(m), setProblem(null)),
      (e: unknown) => current && setProblem(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      current = false;
    };
  }, [id, version]);
  if (problem) return <p className="status-problem">{problem}</p>;
  if (!meta) return null;
  return (
    <div className="sim-metadata" data-testid="sim-metadata">
      <p className="muted sim-path" title={meta.path}>
        {meta.offline ? "Media offline: " : ""}
        {meta.path}
      </p>
      <FieldList title="Metadata panel (XMP)" fields={meta.xmp} />
      <FieldList title="Project panel columns" fields={meta.columns} />
    </div>
  );
}

function FieldList({ title, fields }: { title: string; fields: ItemMetadata["xmp"] }) {
  return (
    <>
      <h4>{title}</h4>
      <dl>
        {fields.map((f) => (
          <div key={f.label}>
            <dt>{f.label}</dt>
            <dd>{f.value || <span className="muted">(empty)</span>}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
