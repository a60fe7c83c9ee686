// What the page knows of where it runs, for the self-check: CEP's version, Chromium's, CEP's
// Node, the OS, and Premiere's skin as CEP reports it (the same appSkinInfo the theme reads).
import type { EvalTransport } from "../../lib/bridge";
import { skinOf, type AppSkinInfo, type SkinName } from "../../lib/theme/host-skin";

export interface PanelEnvironment {
  cep: string | null;
  chromium: string | null;
  node: string | null;
  os: string | null;
  skin: { name: SkinName; background: string; fontSize: number } | { problem: string };
}

type CepApi = { getCurrentApiVersion?(): { major: number; minor: number; micro: number } | string };
type PageProcess = { versions?: { node?: string }; platform?: string };
type PageRequire = (id: string) => unknown;

function cepVersion(win: Window): string | null {
  const cep = (win as unknown as { __adobe_cep__?: CepApi }).__adobe_cep__;
  if (!cep) return null;
  try {
    const v = cep.getCurrentApiVersion?.();
    const parsed = typeof v === "string" ? (JSON.parse(v) as { major: number; minor: number; micro: number }) : v;
    return parsed ? `${parsed.major}.${parsed.minor}.${parsed.micro}` : "unknown";
  } catch {
    return "unknown";
  }
}

function pageNode(win: Window): { process?: PageProcess; require?: PageRequire } {
  const w = win as unknown as {
    cep_node?: { process?: PageProcess; require?: PageRequire };
    process?: PageProcess;
    require?: PageRequire;
  };
  return { process: w.cep_node?.process ?? w.process, require: w.cep_node?.require ?? w.require };
}

function osOf(win: Window): string | null {
  const node = pageNode(win);
  try {
    const os = node.require?.("os") as { type(): string; release(): string; arch(): string } | undefined;
    if (os) return `${os.type()} ${os.release()} ${os.arch()}`;
  } catch {
    // no os module: the browser's word below
  }
  return win.navigator.platform || null;
}

const hex = (n: number) => Math.round(n).toString(16).padStart(2, "0");

async function skin(transport: EvalTransport): Promise<PanelEnvironment["skin"]> {
  if (!transport.hostEnvironment) return { problem: "This host gives no environment (no CSInterface)." };
  let info: AppSkinInfo | undefined;
  try {
    info = (JSON.parse(await transport.hostEnvironment()) as { appSkinInfo?: AppSkinInfo }).appSkinInfo;
  } catch (e) {
    return { problem: `CEP's host environment is not readable JSON (${(e as Error).message}).` };
  }
  const color = info?.panelBackgroundColor?.color;
  if (!info || !color) return { problem: "CEP's host environment has no appSkinInfo." };
  return {
    name: skinOf(color),
    background: `#${hex(color.red)}${hex(color.green)}${hex(color.blue)}`,
    fontSize: info.baseFontSize,
  };
}

export function panelEnvironment(transport: EvalTransport, win: Window = window): () => Promise<PanelEnvironment> {
  return async () => ({
    cep: cepVersion(win),
    chromium: /Chrome\/([\d.]+)/.exec(win.navigator.userAgent)?.[1] ?? null,
    node: pageNode(win).process?.versions?.node ?? null,
    os: osOf(win),
    skin: await skin(transport),
  });
}
