// Events the host sends the panel (CSXS events in Premiere, server-sent events in the preview):
// one map of event name → payload type beside HostApi, and one check per payload, applied on
// receipt like the function results. Compiled into the ES3 host bundle: ES3-safe code only.
import { arrayOf, str, type Check } from "./validate";

export interface HostEvents {
  /** node ids of items just added to the project (clips, bins, sequences alike) */
  itemsAdded: string[];
}

export type HostEventName = keyof HostEvents;

/** The CSXS event type of each host event (CEP wants reverse-domain names). */
export var HOST_EVENT_TYPES: { [E in HostEventName]: string } = {
  itemsAdded: "com.eav.referencelookup.itemsAdded",
};

export var hostEventChecks: { [E in HostEventName]: Check } = {
  itemsAdded: arrayOf(str({ nonEmpty: true, maxLength: 64 }), { maxLength: 5000 }),
};

/** The payload as it travels: JSON text. */
export function encodeHostEvent<E extends HostEventName>(_event: E, payload: HostEvents[E]): string {
  return JSON.stringify(payload);
}

/** The payload, or what is wrong with what arrived. */
export function decodeHostEvent<E extends HostEventName>(
  event: E,
  data: string,
): { ok: true; payload: HostEvents[E] } | { ok: false; problem: string } {
  var parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch (e) {
    return { ok: false, problem: event + " data is not JSON" };
  }
  var problem = hostEventChecks[event](parsed);
  return problem ? { ok: false, problem: event + " data " + problem } : { ok: true, payload: parsed as HostEvents[E] };
}
