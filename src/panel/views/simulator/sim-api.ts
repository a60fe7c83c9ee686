// The preview server's simulator endpoints (src/server/preview/sim-tools-routes.ts), as the
// simulator tools call them. Browser preview only: a real Premiere has none of these.
import type { ItemMetadata, SimState } from "../../../lib/preview/simulator-tools-contract";
import { simulatorUrl } from "../HostSwitch";

async function answer(res: Response): Promise<Response> {
  if (!res.ok) throw new Error((await res.text()) || `the simulator answered ${res.status}`);
  return res;
}

// the host the panel runs on: the UXP plugin's page has window.uxpHost (the transport's own test)
const onHost = (url: string) => simulatorUrl(url, typeof window !== "undefined" && window.uxpHost ? "uxp" : "cep");
const get = (url: string) => fetch(onHost(url)).then(answer);
const post = (url: string) => fetch(onHost(url), { method: "POST" }).then(answer);

export const simApi = {
  state: async (): Promise<SimState> => (await (await get("/__sim/state")).json()) as SimState,
  select: (view: "project" | "timeline", ids: string[]) =>
    post(`/__sim/select?view=${view}&ids=${ids.map(encodeURIComponent).join(",")}`),
  metadata: async (id: string): Promise<ItemMetadata> =>
    (await (await get(`/__sim/metadata?id=${encodeURIComponent(id)}`)).json()) as ItemMetadata,
  setOnline: (id: string, online: boolean) =>
    post(`/__sim/media?id=${encodeURIComponent(id)}&online=${online ? 1 : 0}`),
  setCatalog: (running: boolean) => post(`/__sim/catalog?running=${running ? 1 : 0}`),
  importClip: () => post("/__sim/import"),
  setSkin: (name: string) => post(`/__sim/skin?name=${encodeURIComponent(name)}`),
};
