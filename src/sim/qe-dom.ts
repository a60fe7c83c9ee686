// The unsupported QE DOM's frame export, with the quirks FACTS.md lists: asynchronous (the file
// appears later), ".png" appended to whatever path it is given, false returned on success every
// other call, and a bare number read as frames rather than ticks. It renders what the Program
// Monitor shows: the topmost enabled video item at that sequence time. In the "player-position"
// mode it ignores the time it is given and renders the player position, as one public report
// says Premiere does.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import type { HostClock } from "./host-clock";
import { TICKS_PER_SECOND, type SimMedia, type SimProject, type SimSequence, type SimTrackItem } from "./premiere-dom";
import type { SimPaths } from "./sim-paths";

export const EXPORT_LATENCY_MS = 300;

export type QeExportMode = "given-time" | "player-position";

export interface ExportRecord {
  requestedPath: string;
  /** the file written, as the platform spells it */
  writtenPath: string;
  /** the same file on the real disk */
  realPath: string;
  sourceSeconds: number;
}

/** "HH:MM:SS:FF" (or ';' for drop frame) at the sequence's nominal rate; digits alone = frames. */
export function parseQeTime(time: string, fps: number): number | null {
  const nominal = Math.round(fps);
  const tc = /^(\d+)[:;](\d\d)[:;](\d\d)[:;](\d\d)$/.exec(time);
  if (tc) {
    const [h, m, s, f] = tc.slice(1).map(Number);
    return h * 3600 + m * 60 + s + f / nominal;
  }
  if (/^\d+$/.test(time)) return Number(time) / nominal; // the quirk: ticks are taken as frames
  return null;
}

/** How Premiere reads the media at a time: video seeks, a still is the same at every time, and a
 * numbered image sequence plays as video at its frame rate. */
function decodeArgs(media: SimMedia, seconds: number): string[] {
  const numbered = /(\d{3,})(\.[A-Za-z0-9]+)$/.exec(media.path);
  const still = /\.(jpe?g|png|tiff?|psd|bmp|gif)$/i.test(media.path);
  if (still && numbered && media.frameRate > 0 && media.durationSeconds > 0) {
    const pattern = media.path.slice(0, numbered.index) + `%0${numbered[1].length}d` + numbered[2];
    return [
      "-framerate",
      String(media.frameRate),
      "-start_number",
      String(Number(numbered[1])),
      "-i",
      pattern,
      "-ss",
      String(seconds),
    ];
  }
  if (still) return ["-i", media.path];
  return ["-ss", String(seconds), "-i", media.path];
}

/** The source media time a track item shows at a sequence time: speed and reverse applied. */
export function sourceTicksAt(item: SimTrackItem, sequenceTicks: number): number {
  const offset = (sequenceTicks - Number(item.start.ticks)) * item.getSpeed();
  return item.isSpeedReversed() ? Number(item.outPoint.ticks) - offset : Number(item.inPoint.ticks) + offset;
}

export class QeSequence {
  private calls = 0;
  constructor(
    private readonly seq: SimSequence,
    private readonly clock: HostClock,
    private readonly exports: ExportRecord[],
    private readonly paths: SimPaths,
    private readonly mode: QeExportMode,
  ) {}

  exportFramePNG(time: string, outputPath: string): boolean {
    this.calls++;
    const seconds = parseQeTime(String(time), this.seq.frameRate);
    if (seconds === null) return false;
    const at = this.mode === "player-position" ? this.seq.playerPositionTicks : Math.round(seconds * TICKS_PER_SECOND);
    const item = this.seq.itemAt(at);
    if (!item?.projectItem.media) return false;
    const written = this.paths.toReal(`${String(outputPath)}.png`);
    if (!this.paths.allowed(written)) return false; // a folder scripts may not write to
    const source = item.projectItem.media;
    const sourceSeconds = sourceTicksAt(item, at) / TICKS_PER_SECOND;
    this.clock.schedule(EXPORT_LATENCY_MS, () => {
      if (source.offline || !fs.existsSync(source.path)) return; // nothing is written
      execFileSync("ffmpeg", [
        "-loglevel",
        "error",
        "-y",
        ...decodeArgs(source, sourceSeconds),
        "-frames:v",
        "1",
        "-update",
        "1",
        written,
      ]);
      this.exports.push({
        requestedPath: String(outputPath),
        writtenPath: `${String(outputPath)}.png`,
        realPath: written,
        sourceSeconds,
      });
    });
    return this.calls % 2 === 1 ? false : true;
  }
}

export class QeProject {
  constructor(
    private readonly project: () => SimProject | null,
    private readonly clock: HostClock,
    readonly exports: ExportRecord[],
    private readonly paths: SimPaths,
    private readonly mode: QeExportMode = "given-time",
  ) {}

  getActiveSequence(): QeSequence | undefined {
    const seq = this.project()?.activeSequence;
    return seq ? new QeSequence(seq, this.clock, this.exports, this.paths, this.mode) : undefined;
  }
}
