// The simulator tools' endpoints (browser preview only): what the editor sees in the simulated
// Premiere's Project panel and timeline, selecting there, a clip's metadata as Premiere shows it,
// taking a clip offline or relinking it, and stopping or starting the catalog on its own.
//   GET  /__sim/state                         the Project panel, the sequence's clips, the catalog
//   POST /__sim/select?view=project|timeline&ids=1,2
//   GET  /__sim/metadata?id=
//   POST /__sim/media?id=&online=0|1           Make Offline / relink (Premiere's Link Media)
//   POST /__sim/catalog?running=0|1
import type http from "node:http";
import type { SimApp } from "../../sim/premiere-dom";
import { editorView, itemMetadata, selectProjectItems, selectTimelineClips } from "../../sim/editor-view";
import type { SimState } from "../../lib/preview/simulator-tools-contract";
import type { SwitchableCatalog } from "./switchable-catalog";

export interface SimulatorToolsOptions {
  /** the catalog the tools may stop and start */
  catalog?: SwitchableCatalog;
  /** the file an offline clip without a file of its own is relinked to */
  relinkTo?: string;
}

function send(res: http.ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    res.writeHead(status);
    res.end();
    return;
  }
  const text = typeof body === "string" ? body : JSON.stringify(body);
  const type = typeof body === "string" ? "text/plain" : "application/json";
  res.writeHead(status, { "content-type": `${type}; charset=utf-8`, "cache-control": "no-store" });
  res.end(text);
}

function setOnline(app: SimApp, id: string, online: boolean, relinkTo: string | undefined): void {
  const item = app.project?.allItems().find((i) => i.nodeId === id);
  if (!item?.media) throw new Error(`no clip with id ${id}`);
  if (!online) {
    item.setOffline();
    return;
  }
  item.refreshMedia(); // its own file, when it is there
  if (!item.isOffline()) return;
  if (!relinkTo || !item.changeMediaPath(app.project!.hostPath(relinkTo), true))
    throw new Error(`“${item.name}” has no file on this disk and no sample file to relink it to`);
}

/** Answers a /__sim/ tools request; false when the route is not one of them. */
export async function answerSimulatorTools(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  app: SimApp,
  options: SimulatorToolsOptions,
): Promise<boolean> {
  const url = new URL(req.url ?? "/", "http://local");
  const q = (name: string) => url.searchParams.get(name) ?? "";
  const route = `${req.method} ${url.pathname}`;
  try {
    switch (route) {
      case "GET /__sim/state": {
        const state: SimState = {
          ...editorView(app),
          catalog: options.catalog ? (options.catalog.running ? "running" : "stopped") : null,
        };
        send(res, 200, state);
        return true;
      }
      case "POST /__sim/select": {
        const ids = q("ids") ? q("ids").split(",") : [];
        if (q("view") === "project") selectProjectItems(app, ids);
        else if (q("view") === "timeline") selectTimelineClips(app, ids);
        else throw new Error("view must be project or timeline");
        send(res, 204);
        return true;
      }
      case "GET /__sim/metadata":
        send(res, 200, itemMetadata(app, q("id")));
        return true;
      case "POST /__sim/media":
        setOnline(app, q("id"), q("online") === "1", options.relinkTo);
        send(res, 204);
        return true;
      case "POST /__sim/catalog":
        if (!options.catalog) {
          send(res, 404, "this preview has no catalog the tools can stop");
          return true;
        }
        await (q("running") === "1" ? options.catalog.start() : options.catalog.stop());
        send(res, 204);
        return true;
      default:
        return false;
    }
  } catch (e) {
    send(res, 400, e instanceof Error ? e.message : String(e));
    return true;
  }
}
