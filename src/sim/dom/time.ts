// Premiere's Time: ticks (254,016,000,000 a second) and seconds, both writable and always
// consistent, and getFormatted for the display formats of TIME_FORMAT, drop frame included.
import { SimDomObject } from "./dom-object";

/** Premiere's tick rate. Some public helpers use 10,000,000, which is wrong (docs/facts/premiere-and-cep.md). */
export const TICKS_PER_SECOND = 254016000000;

/** TIME_FORMAT values → nominal frames per second, and whether the timecode drops frames. */
const TIMECODE_FORMATS: Record<number, { fps: number; drop: boolean }> = {
  100: { fps: 24, drop: false },
  101: { fps: 25, drop: false },
  102: { fps: 30, drop: true },
  103: { fps: 30, drop: false },
  104: { fps: 30, drop: false },
  105: { fps: 50, drop: false },
  106: { fps: 60, drop: true },
  107: { fps: 60, drop: false },
  108: { fps: 60, drop: false },
  110: { fps: 24, drop: false },
  113: { fps: 48, drop: false },
};
const FEET_FRAMES: Record<number, number> = { 111: 40, 112: 16 };

const two = (n: number) => String(n).padStart(2, "0");

/** SMPTE timecode of a frame count; drop frame skips frame numbers 0 and 1 (0–3 at 60) of every
 * minute except each tenth. */
export function timecode(frame: number, nominalFps: number, drop: boolean): string {
  let f = Math.max(0, Math.floor(frame));
  if (drop) {
    const dropped = Math.round(nominalFps / 15); // 2 at 29.97, 4 at 59.94
    const perTenMinutes = nominalFps * 600 - dropped * 9;
    const perMinute = nominalFps * 60 - dropped;
    const tens = Math.floor(f / perTenMinutes);
    const rest = f % perTenMinutes;
    f += dropped * 9 * tens + (rest > dropped ? dropped * Math.floor((rest - dropped) / perMinute) : 0);
  }
  const ff = f % nominalFps;
  const totalSeconds = Math.floor(f / nominalFps);
  const sep = drop ? ";" : ":";
  return `${two(Math.floor(totalSeconds / 3600))}:${two(Math.floor(totalSeconds / 60) % 60)}:${two(totalSeconds % 60)}${sep}${two(ff)}`;
}

export class SimTime extends SimDomObject {
  private tickCount: number;

  constructor(ticks: number | string = 0) {
    super();
    this.tickCount = Math.round(Number(ticks) || 0);
  }

  get ticks(): string {
    return String(this.tickCount);
  }
  set ticks(value: string) {
    this.tickCount = Math.round(Number(value) || 0);
  }
  get seconds(): number {
    return this.tickCount / TICKS_PER_SECOND;
  }
  set seconds(value: number) {
    this.tickCount = Math.round(Number(value) * TICKS_PER_SECOND);
  }

  /** `frameDuration` is a Time one frame long (a sequence's videoFrameRate); `format` a TIME_FORMAT. */
  getFormatted(frameDuration: SimTime, format: number): string {
    const frameTicks = Number(frameDuration?.ticks) || TICKS_PER_SECOND / 25;
    const frame = Math.floor(this.tickCount / frameTicks + 1e-9);
    const tc = TIMECODE_FORMATS[Number(format)];
    if (tc) return timecode(frame, tc.fps, tc.drop);
    if (Number(format) === 109) return String(frame);
    const perFoot = FEET_FRAMES[Number(format)];
    if (perFoot) return `${Math.floor(frame / perFoot)}+${two(frame % perFoot)}`;
    if (Number(format) === 200) return String(Math.round(this.seconds * 48000));
    if (Number(format) === 201) return `${Math.round(this.seconds * 1000)}`;
    return timecode(frame, Math.round(TICKS_PER_SECOND / frameTicks), false);
  }
}

/** A Time from a number of seconds, a tick string or a Time. */
export function toTime(value: unknown): SimTime {
  if (value instanceof SimTime) return new SimTime(value.ticks);
  if (typeof value === "string") return new SimTime(value);
  const t = new SimTime();
  t.seconds = Number(value) || 0;
  return t;
}
