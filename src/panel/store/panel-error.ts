// What the editor sees when something fails: a title, what went wrong and what to do.
import { isHostError } from "../../lib/bridge";
import { CatalogError } from "../../lib/catalog";

export interface PanelError {
  title: string;
  detail: string;
  code?: string;
}

export function toPanelError(action: string, e: unknown): PanelError {
  if (isHostError(e)) return { title: `${action} failed`, detail: e.describe(), code: e.code };
  if (e instanceof CatalogError) {
    return { title: `${action} failed`, detail: e.hint ? `${e.message} ${e.hint}` : e.message, code: e.code };
  }
  return { title: `${action} failed`, detail: e instanceof Error ? e.message : String(e) };
}
