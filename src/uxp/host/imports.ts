// New imports. UXP has no per-item "added" event: Premiere fires OperationCompleteEvent's
// IMPORT_MEDIA_COMPLETE once an import is done, and the host compares the project with what it
// knew to find the new items, then sends the panel the same `itemsAdded` event the ExtendScript
// host sends. The panel also polls listClipIds, so nothing is missed where events do not arrive.
import { HOST_EVENT_TYPES, encodeHostEvent } from "../../shared/bridge/host-events";
import { emit, type HostContext } from "./context";
import { requireProject, walkItems } from "./items";

async function allIds(ctx: HostContext): Promise<string[]> {
  const ids: string[] = [];
  await walkItems(ctx, (found) => void ids.push(found.item.getId()));
  return ids;
}

/** One comparison at a time; events arriving meanwhile ask for one more after it. */
function differ(ctx: HostContext) {
  let running: Promise<void> | null = null;
  let again = false;
  const compare = async (): Promise<void> => {
    const known = ctx.state.knownIds;
    if (!known) return;
    const ids = await allIds(ctx).catch(() => null);
    if (!ids) return;
    const added = ids.filter((id) => !known.has(id));
    ctx.state.knownIds = new Set(ids);
    if (added.length) emit(ctx, HOST_EVENT_TYPES.itemsAdded, encodeHostEvent("itemsAdded", added));
  };
  return function onImported(): void {
    if (running) {
      again = true;
      return;
    }
    running = compare().finally(() => {
      running = null;
      if (again) {
        again = false;
        onImported();
      }
    });
  };
}

export async function watchImports(ctx: HostContext): Promise<{ mode: "events" | "polling" }> {
  if (ctx.state.knownIds) return { mode: "events" };
  const project = await requireProject(ctx);
  try {
    ctx.state.knownIds = new Set(await allIds(ctx));
    const { EventManager, OperationCompleteEvent } = ctx.ppro;
    EventManager.addEventListener(project, OperationCompleteEvent.EVENT_IMPORT_MEDIA_COMPLETE, differ(ctx));
    return { mode: "events" };
  } catch {
    ctx.state.knownIds = null;
    return { mode: "polling" };
  }
}
