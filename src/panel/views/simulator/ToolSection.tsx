import type { ReactNode } from "react";
import type { SimTools } from "./use-sim-state";

/** One collapsible part of the simulator tools; closed until the editor opens it. */
export function ToolSection({
  id,
  title,
  sim,
  children,
}: {
  id: string;
  title: ReactNode;
  sim: SimTools;
  children: ReactNode;
}) {
  return (
    <details
      className="sim-section"
      data-testid={`sim-${id}`}
      onToggle={(e) => sim.setOpen(id, (e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>{title}</summary>
      <div className="sim-section-body">{children}</div>
    </details>
  );
}
