// The panel's keys as CEP gets them (docs/adr/0027-panel-keys.md): platform key codes for
// registerKeyEventsInterest, and the preview's model of CEP's routing, in which a key the panel
// did not register goes to "Premiere" and never reaches the panel.
import { describe, expect, it } from "vitest";
import {
  SimulatedKeyEvents,
  WINDOWS_KEY_CODES,
  cepTransport,
  keyEventsInterest,
  simulatorTransport,
  type KeyChord,
} from "../../src/lib/bridge";
import { PANEL_KEYS, PANEL_KEY_CHORDS } from "../../src/panel/keys/panel-keys";

/** A keydown with the DOM's legacy keyCode (Windows' numbers), as Chromium sends it. */
function keydown(
  key: string,
  keyCode: number,
  mods: Partial<Record<"ctrlKey" | "metaKey" | "shiftKey", boolean>> = {},
) {
  return Object.assign(new Event("keydown", { cancelable: true }), {
    key,
    keyCode,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    ...mods,
  }) as unknown as KeyboardEvent;
}

const DOM_KEY: Record<KeyChord["key"], string> = {
  ArrowDown: "ArrowDown",
  ArrowUp: "ArrowUp",
  Enter: "Enter",
  Escape: "Escape",
  Tab: "Tab",
  Space: " ",
  F2: "F2",
  S: "s",
  Z: "z",
};
const eventOf = (c: KeyChord) =>
  keydown(DOM_KEY[c.key], WINDOWS_KEY_CODES[c.key], { ctrlKey: !!c.ctrlOrCmd, shiftKey: !!c.shift });

describe("registerKeyEventsInterest's codes", () => {
  it("gives Windows' VK codes and macOS' kVK codes, Ctrl or Cmd on macOS", () => {
    const chords: KeyChord[] = [{ key: "Enter" }, { key: "Z", ctrlOrCmd: true }, { key: "Tab", shift: true }];
    expect(keyEventsInterest(chords, "win")).toEqual([
      { keyCode: 13 },
      { keyCode: 90, ctrlKey: true },
      { keyCode: 9, shiftKey: true },
    ]);
    expect(keyEventsInterest(chords, "mac")).toEqual([
      { keyCode: 36 },
      { keyCode: 6, metaKey: true },
      { keyCode: 6, ctrlKey: true },
      { keyCode: 48, shiftKey: true },
    ]);
  });

  it("CEP's transport registers the panel's keys as JSON, and none as an empty string", () => {
    const calls: string[] = [];
    const cep = { evalScript: () => undefined, registerKeyEventsInterest: (json: string) => calls.push(json) };
    const transport = cepTransport(cep, "MacIntel");
    transport.registerKeys!(PANEL_KEY_CHORDS);
    transport.registerKeys!([]);
    const taken = JSON.parse(calls[0]) as Array<{ keyCode: number }>;
    expect(taken.map((k) => k.keyCode)).toEqual(expect.arrayContaining([125, 126, 36, 1, 120, 53, 6, 49, 48]));
    expect(taken.some((k) => k.keyCode === 14)).toBe(false); // E, Extend Edit in Premiere, is not the panel's
    expect(calls[1]).toBe("");
  });
});

describe("the preview's simulated CEP", () => {
  it("passes every key the panel did not register to Premiere, and logs it", () => {
    const page = new EventTarget() as unknown as Window;
    const cep = new SimulatedKeyEvents(page);
    const transport = simulatorTransport("http://sim.test/__host/eval", "t", fetch, cep);
    const e = keydown("e", 69);
    page.dispatchEvent(e);
    expect(e.defaultPrevented).toBe(true);
    transport.registerKeys!(PANEL_KEY_CHORDS);
    page.dispatchEvent(keydown("m", 77));
    expect(cep.passedToHost.map((p) => p.key)).toEqual(["e", "m"]);
  });

  it("no key the panel handles reaches Premiere once the panel registered its keys", () => {
    const page = new EventTarget() as unknown as Window;
    const cep = new SimulatedKeyEvents(page);
    simulatorTransport("http://sim.test/__host/eval", "t", fetch, cep).registerKeys!(PANEL_KEY_CHORDS);
    for (const k of PANEL_KEYS) {
      const e = eventOf(k.chord);
      page.dispatchEvent(e);
      expect(e.defaultPrevented, `${k.label} (${k.does}) went to Premiere`).toBe(false);
    }
    expect(cep.passedToHost).toEqual([]);
  });

  it("keeps keys in a text field whatever was registered, as CEP does", () => {
    class TextInput extends EventTarget {
      tagName = "INPUT";
      type = "text";
    }
    const input = new TextInput();
    const cep = new SimulatedKeyEvents(input as unknown as Window);
    input.dispatchEvent(keydown("e", 69));
    expect(cep.passedToHost).toEqual([]);
  });
});
