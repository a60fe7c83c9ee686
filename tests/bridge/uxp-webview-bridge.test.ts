// The panel's UXP webview transport against the plugin's bridge, wired as UXP wires them: every
// message through JSON, the page's on the plugin's window and on the element alike (Adobe's docs
// and bolt-uxp listen on different ones), the plugin's on the page's window and on uxpHost.
import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { createHostClient, HostError } from "../../src/lib/bridge";
import { uxpWebviewTransport } from "../../src/lib/bridge/transport";
import { THEME_COLOR_CHANGED_EVENT } from "../../src/lib/theme/host-skin";
import { startPluginBridge, type BridgedHost } from "../../src/uxp/plugin/bridge";
import { uxpEnvironment } from "../../src/uxp/plugin/theme";
import { until } from "../../src/testing/until";

type Listener = (event: { data: unknown }) => void;
const target = () => {
  const emitter = new EventEmitter();
  return {
    emit: (data: unknown) => emitter.emit("message", { data: JSON.parse(JSON.stringify(data)) }),
    addEventListener: (_: "message", l: Listener) => void emitter.on("message", l),
    removeEventListener: (_: "message", l: Listener) => void emitter.off("message", l),
  };
};

function wire(host: BridgedHost, theme = { name: "darkest" }) {
  const pageWindow = target();
  const uxpHostSide = target();
  const pluginWindow = target();
  const element = target();
  const themeListeners = new Set<() => void>();
  const reads: string[] = [];
  const stop = startPluginBridge({
    page: { ...element, postMessage: (m) => (pageWindow.emit(m), uxpHostSide.emit(m)) },
    pluginWindow,
    host,
    environment: async () => JSON.stringify(uxpEnvironment(theme.name)),
    onThemeChanged: (l) => (themeListeners.add(l), () => themeListeners.delete(l)),
    readFile: async (path) => (reads.push(path), new Uint8Array([0x89, 0x50, 0x4e, 0x47])),
  });
  const transport = uxpWebviewTransport(
    { postMessage: (m) => (pluginWindow.emit(m), element.emit(m)), addEventListener: uxpHostSide.addEventListener },
    pageWindow,
  );
  const changeTheme = (name: string) => ((theme.name = name), themeListeners.forEach((l) => l()));
  return { transport, client: createHostClient(transport), stop, changeTheme, reads };
}

const eventsHost = () => {
  const events = new EventEmitter();
  const calls: string[] = [];
  const host: BridgedHost = {
    async call(fn, args) {
      calls.push(fn);
      if (fn === "getProjectSnapshot") return JSON.stringify({ ok: true, value: { name: "Demo", args } });
      return JSON.stringify({ ok: false, error: { code: "NO_PROJECT", fn, message: "No project is open." } });
    },
    onHostEvent(type, listener) {
      events.on(type, listener);
      return () => void events.off(type, listener);
    },
  };
  return { host, events, calls };
};

describe("the UXP webview bridge", () => {
  it("runs each call once on the host and hands the page the host's envelope, errors included", async () => {
    const { host, calls } = eventsHost();
    const { client } = wire(host);
    const listing = await client.call("getProjectSnapshot");
    expect(listing).toMatchObject({ name: "Demo" });
    const refused = await client.call("getSelection").catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(HostError);
    expect((refused as HostError).code).toBe("NO_PROJECT");
    // each request reached the plugin twice (window and element) and ran once
    expect(calls).toEqual(["getProjectSnapshot", "getSelection"]);
  });

  it("a failure in the plugin itself is a transport error, not a hang", async () => {
    const host: BridgedHost = {
      call: () => Promise.reject(new Error("premierepro is not loaded")),
      onHostEvent: () => () => undefined,
    };
    const { client } = wire(host);
    const e = (await client.call("getProjectSnapshot").catch((x: unknown) => x)) as HostError;
    expect(e.code).toBe("TRANSPORT");
    expect(e.message).toContain("premierepro is not loaded");
  });

  it("forwards host events once each, and only the types the page listens for", async () => {
    const { host, events } = eventsHost();
    const { transport } = wire(host);
    const got: string[] = [];
    const stop = transport.onHostEvent!("com.eav.referencelookup.itemsAdded", (d) => got.push(d));
    await until(() => events.listenerCount("com.eav.referencelookup.itemsAdded") === 1, "the plugin to subscribe");
    events.emit("com.eav.referencelookup.itemsAdded", '{"nodeIds":["1"]}');
    events.emit("other.event", "x");
    await until(() => got.length === 1, "the event");
    events.emit("com.eav.referencelookup.itemsAdded", '{"nodeIds":["2"]}');
    await until(() => got.length === 2, "the second event");
    expect(got).toEqual(['{"nodeIds":["1"]}', '{"nodeIds":["2"]}']);
    stop();
  });

  it("gives the page Premiere's theme as appSkinInfo, and tells it when the theme changes", async () => {
    const { transport, changeTheme } = wire(eventsHost().host);
    const env = JSON.parse(await transport.hostEnvironment!());
    expect(env.appSkinInfo.panelBackgroundColor.color.red).toBe(50); // darkest
    let changed = 0;
    transport.onHostEvent!(THEME_COLOR_CHANGED_EVENT, () => changed++);
    await until(async () => (changeTheme("light"), changed > 0), "the theme event");
    expect(JSON.parse(await transport.hostEnvironment!()).appSkinInfo.panelBackgroundColor.color.red).toBe(184);
  });

  it("reads image files for the page, and nothing else", async () => {
    const { transport, reads } = wire(eventsHost().host);
    expect([...(await transport.readFile!("/tmp/frames/frame.png.png"))]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    await expect(transport.readFile!("/Users/me/.ssh/id_rsa")).rejects.toThrow(/only image files/);
    expect(reads).toEqual(["/tmp/frames/frame.png.png"]);
  });

  it("ignores messages that are not ours, on both sides", async () => {
    const { host, calls } = eventsHost();
    const pluginWindow = target();
    startPluginBridge({
      page: { postMessage: () => undefined },
      pluginWindow,
      host,
      environment: async () => "{}",
      onThemeChanged: () => () => undefined,
      readFile: async () => new Uint8Array(),
    });
    pluginWindow.emit({ id: 1, kind: "call", fn: "getProjectSnapshot", args: [] }); // no tag
    pluginWindow.emit("not json");
    pluginWindow.emit({ rl: "reference-lookup/1", id: "1", kind: "call", fn: "x", args: [] }); // id not a number
    expect(calls).toEqual([]);
  });
});
