// Where in a clip to take frames, and how to name a time for Premiere. Ticks are strings of
// 254016000000 per second; every tick count we handle fits in a double exactly (< 2^53).
// Compiled into the ES3 host bundle: ES3-safe code only.

export var TICKS_PER_SECOND = 254016000000;

/** IA's sampling positions (docs/facts/ia-contract.md): 10, 30, 50, 70 and 90 % of a clip. */
export var DEFAULT_FRAME_FRACTIONS = [0.1, 0.3, 0.5, 0.7, 0.9];

/** Tick positions at the given fractions of the in–out range (clip-relative, from 0). */
export function frameOffsets(inTicks: string, outTicks: string, fractions: number[]): number[] {
  var span = parseFloat(outTicks) - parseFloat(inTicks);
  var out: number[] = [];
  for (var i = 0; i < fractions.length; i++) out.push(Math.round(span > 0 ? span * fractions[i] : 0));
  return out;
}

/** HH:MM:SS:FF at the sequence's nominal frame rate (non-drop-frame). */
export function ticksToTimecode(ticks: number, ticksPerFrame: number): string {
  var fps = Math.round(TICKS_PER_SECOND / ticksPerFrame);
  var frames = Math.floor(ticks / ticksPerFrame + 1e-6);
  var ff = frames % fps;
  var totalSeconds = Math.floor(frames / fps);
  var pad = function (n: number) {
    return n < 10 ? "0" + n : String(n);
  };
  return (
    pad(Math.floor(totalSeconds / 3600)) +
    ":" +
    pad(Math.floor(totalSeconds / 60) % 60) +
    ":" +
    pad(totalSeconds % 60) +
    ":" +
    pad(ff)
  );
}
