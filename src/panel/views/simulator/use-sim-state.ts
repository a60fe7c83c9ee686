import { useCallback, useEffect, useRef, useState } from "react";
import type { SimState } from "../../../lib/preview/simulator-tools-contract";
import { simApi } from "./sim-api";

/** Live enough while a section is open: Premiere's own panels show changes as they happen. */
const REFRESH_MS = 2000;

export interface SimTools {
  state: SimState | null;
  /** what the last action could not do, in the simulator's words */
  problem: string | null;
  /** runs an action, then reads the simulator's state again; `expected` shows its outcome at once */
  act(action: () => Promise<unknown>, expected?: (state: SimState) => SimState): Promise<void>;
  refresh(): Promise<void>;
  /** a section opened or closed: state is kept fresh only while one is open */
  setOpen(section: string, open: boolean): void;
}

export function useSimState(): SimTools {
  const [state, setState] = useState<SimState | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [open, setOpenSections] = useState<ReadonlySet<string>>(new Set());
  const alive = useRef(true);
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );
  const load = useCallback(
    () =>
      simApi.state().then(
        (next) => alive.current && setState(next),
        (e: unknown) => alive.current && setProblem(e instanceof Error ? e.message : String(e)),
      ),
    [],
  );
  const refresh = useCallback(async () => {
    await load();
  }, [load]);
  const act = useCallback(
    async (action: () => Promise<unknown>, expected?: (state: SimState) => SimState) => {
      if (expected) setState((was) => was && expected(was));
      try {
        await action();
        setProblem(null);
      } catch (e) {
        setProblem(e instanceof Error ? e.message : String(e));
      }
      await refresh();
    },
    [refresh],
  );
  const setOpen = useCallback((section: string, isOpen: boolean) => {
    setOpenSections((was) => {
      const next = new Set(was);
      if (isOpen) next.add(section);
      else next.delete(section);
      return next;
    });
  }, []);
  useEffect(() => void load(), [load]); // the sections' titles and the catalog's state
  useEffect(() => {
    if (!open.size) return;
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [open, load]);
  return { state, problem, act, refresh, setOpen };
}
