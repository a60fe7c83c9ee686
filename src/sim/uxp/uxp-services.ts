// The UXP host's services in the simulator: files through the simulated platform's paths (and
// only inside its folders when it has roots), XMP from xmp-meta.ts (what UXP's `uxp.xmp` is in
// Premiere), and the virtual clock: sleeping lets background work (frame exports) finish.
import fs from "node:fs";
import type { UxpHostServices } from "../../uxp/host/services";
import type { HostClock } from "../host-clock";
import type { SimPaths } from "../sim-paths";
import { XMPMeta } from "../xmp-meta";

export function simulatedUxpServices(options: {
  paths: SimPaths;
  clock: HostClock;
  premiereBuild?: string;
  sampleFile?: string;
}): UxpHostServices {
  const { paths, clock } = options;
  const real = (hostPath: string, what: string) => paths.require(paths.toReal(hostPath), what);
  return {
    files: {
      async kind(path) {
        const stat = fs.statSync(real(path, "kind"), { throwIfNoEntry: false });
        return !stat ? null : stat.isDirectory() ? "folder" : stat.isFile() ? "file" : null;
      },
      async read(path) {
        return new Uint8Array(paths.readFile(real(path, "read")));
      },
      async write(path, bytes) {
        fs.writeFileSync(real(path, "write"), bytes);
      },
      async list(folder) {
        return fs.readdirSync(real(folder, "list"));
      },
      async mkdir(path) {
        fs.mkdirSync(real(path, "mkdir"), { recursive: true });
      },
      async remove(path) {
        const target = real(path, "remove");
        if (fs.statSync(target).isDirectory()) fs.rmdirSync(target);
        else fs.unlinkSync(target);
      },
      async rename(from, to) {
        fs.renameSync(real(from, "rename"), real(to, "rename"));
      },
      async size(path) {
        return fs.statSync(real(path, "size")).size;
      },
    },
    xmp: { XMPMeta: XMPMeta as unknown as UxpHostServices["xmp"]["XMPMeta"] },
    tempFolder: paths.toHost(paths.temp),
    platform: paths.windows ? "windows" : "macos",
    now: () => new Date(),
    async sleep(ms) {
      clock.sleep(ms);
      await new Promise((resolve) => setImmediate(resolve));
    },
    os: paths.windows ? "Windows 10.0.22631" : "Macintosh 14.6.1",
    uxpVersion: "8.4.0",
    premiereBuild: options.premiereBuild,
    sampleFile: options.sampleFile,
  };
}
