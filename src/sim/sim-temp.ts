// The real folder the simulator's Folder.temp is. Premiere's Folder.temp is private to the user
// on both platforms (macOS's per-user $TMPDIR, Windows' %TEMP%); the simulator's is too: this
// user's 0700 folder under $RL_SIM_TEMP or the OS temp folder, never the shared /tmp itself,
// where anyone could plant symlinks among the frame grabs (ADR-0025).
import os from "node:os";
import path from "node:path";
import { userTempFolder } from "../lib/files/node/private-folder";

export function simulatorTemp(): string {
  return userTempFolder("reference-lookup", path.resolve(process.env.RL_SIM_TEMP ?? os.tmpdir()));
}

/** Where the host's frame grabs go: Folder.temp's reference-lookup-frames (src/jsx/host/frames.ts). */
export function simulatorFramesRoot(): string {
  return path.join(simulatorTemp(), "reference-lookup-frames");
}
