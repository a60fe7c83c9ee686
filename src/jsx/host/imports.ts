// New imports: Premiere's onItemAddedToProjectSuccess event, forwarded to the panel as a CSXS
// event. The panel also polls listClipIds, so nothing is missed where events do not arrive.
import { HOST_EVENT_TYPES, encodeHostEvent } from "../../shared/bridge/host-events";

var watching = false;

/** Premiere calls this slot for every item added to a project (Adobe's PProPanel assigns it);
 * types-for-adobe declares it as `undefined`, hence the local view of app. */
type ItemAddedCallback = (project: Project, item: ProjectItem) => void;

function announce(nodeIds: string[]): void {
  if (typeof CSXSEvent === "undefined") new ExternalObject("lib:PlugPlugExternalObject");
  var event = new CSXSEvent();
  event.type = HOST_EVENT_TYPES.itemsAdded;
  event.data = encodeHostEvent("itemsAdded", nodeIds);
  event.dispatch();
}

/** Chains to any callback another panel installed, as Premiere has a single slot. */
export function watchImports(): { mode: "events" | "polling" } {
  if (watching) return { mode: "events" };
  try {
    var appEvents = app as unknown as { onItemAddedToProjectSuccess?: ItemAddedCallback };
    var previous = appEvents.onItemAddedToProjectSuccess;
    appEvents.onItemAddedToProjectSuccess = function (project: Project, item: ProjectItem) {
      if (previous) {
        try {
          previous(project, item);
        } catch (e) {
          // another panel's callback failing must not stop ours
        }
      }
      if (item && item.nodeId) announce([item.nodeId]);
    };
    watching = true;
    return { mode: "events" };
  } catch (e) {
    return { mode: "polling" };
  }
}
