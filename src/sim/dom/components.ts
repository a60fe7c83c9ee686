// Effect components of a track item (Motion, Opacity) and their parameters: values, keyframes
// and interpolation as the DOM reads and writes them. Rendering them is Premiere's engine; the
// simulator's frame export shows the source frame unchanged.
import { SimDomObject, collection } from "./dom-object";
import { SimProperties } from "./app-services";
import { SimTime, toTime } from "./time";

type Value = number | number[] | boolean | string;

const ticksOf = (time: unknown) => Number(toTime(time).ticks);

export class SimComponentParam extends SimDomObject {
  private value: Value;
  private timeVarying = false;
  /** keyframes: ticks → value, and their interpolation type */
  private readonly keys = new Map<number, { value: Value; interpolation: number }>();

  constructor(
    readonly displayName: string,
    value: Value,
  ) {
    super();
    this.value = value;
  }
  private sortedKeys(): number[] {
    return [...this.keys.keys()].sort((a, b) => a - b);
  }
  getValue(): Value {
    return this.value;
  }
  setValue(value: Value, _updateUI?: boolean | number): boolean {
    this.value = value;
    return true;
  }
  getColorValue(): number[] {
    return Array.isArray(this.value) ? this.value.slice() : [255, 0, 0, 0];
  }
  setColorValue(alpha: number, red: number, green: number, blue: number, _updateUI: boolean): boolean {
    this.value = [alpha, red, green, blue].map(Number);
    return true;
  }
  isEmpty(): boolean {
    return this.value === "" || this.value === undefined;
  }
  areKeyframesSupported(): boolean {
    return typeof this.value === "number" || Array.isArray(this.value);
  }
  isTimeVarying(): boolean {
    return this.timeVarying;
  }
  setTimeVarying(on: boolean, _p1?: boolean): boolean {
    this.timeVarying = Boolean(on);
    if (!this.timeVarying) this.keys.clear();
    return true;
  }
  addKey(time: SimTime): boolean {
    if (!this.areKeyframesSupported()) return false;
    this.timeVarying = true;
    const t = ticksOf(time);
    if (!this.keys.has(t)) this.keys.set(t, { value: this.getValueAtTime(time), interpolation: 0 });
    return true;
  }
  keyExistsAtTime(time: SimTime): boolean {
    return this.keys.has(ticksOf(time));
  }
  getKeys(): SimTime[] {
    return this.sortedKeys().map((t) => new SimTime(t));
  }
  getValueAtKey(time: SimTime): Value | undefined {
    return this.keys.get(ticksOf(time))?.value;
  }
  setValueAtKey(time: SimTime, value: Value, _updateUI?: boolean | number): boolean {
    const key = this.keys.get(ticksOf(time));
    if (!key) return false;
    key.value = value;
    return true;
  }
  removeKey(time: SimTime): boolean {
    return this.keys.delete(ticksOf(time));
  }
  removeKeyRange(start: SimTime, end: SimTime): boolean {
    for (const t of this.sortedKeys()) if (t >= ticksOf(start) && t <= ticksOf(end)) this.keys.delete(t);
    return true;
  }
  setInterpolationTypeAtKey(time: SimTime, type: number, _updateUI?: boolean): boolean {
    const key = this.keys.get(ticksOf(time));
    if (key) key.interpolation = Number(type);
    return Boolean(key);
  }
  findNearestKey(time: SimTime, thresholdTicks = 0): SimTime | undefined {
    const t = ticksOf(time);
    const nearest = this.sortedKeys().sort((a, b) => Math.abs(a - t) - Math.abs(b - t))[0];
    return nearest !== undefined && Math.abs(nearest - t) <= Number(thresholdTicks) ? new SimTime(nearest) : undefined;
  }
  findNextKey(time: SimTime): SimTime | undefined {
    const next = this.sortedKeys().find((k) => k > ticksOf(time));
    return next === undefined ? undefined : new SimTime(next);
  }
  findPreviousKey(time: SimTime): SimTime | undefined {
    const previous = this.sortedKeys()
      .reverse()
      .find((k) => k < ticksOf(time));
    return previous === undefined ? undefined : new SimTime(previous);
  }
  /** Linear between numeric keyframes (hold for other types and interpolation 4), constant outside. */
  getValueAtTime(time: SimTime): Value {
    const keys = this.sortedKeys();
    if (!this.timeVarying || keys.length === 0) return this.value;
    const t = ticksOf(time);
    if (t <= keys[0]) return this.keys.get(keys[0])!.value;
    if (t >= keys[keys.length - 1]) return this.keys.get(keys[keys.length - 1])!.value;
    const i = keys.findIndex((k) => k > t);
    const [a, b] = [this.keys.get(keys[i - 1])!, this.keys.get(keys[i])!];
    const f = (t - keys[i - 1]) / (keys[i] - keys[i - 1]);
    const mix = (x: number, y: number) => x + (y - x) * f;
    if (a.interpolation === 4) return a.value;
    if (typeof a.value === "number" && typeof b.value === "number") return mix(a.value, b.value);
    if (Array.isArray(a.value) && Array.isArray(b.value))
      return a.value.map((x, j) => mix(x, (b.value as number[])[j]));
    return a.value;
  }
}

/** A component's parameters: indexable, and with the ComponentParamCollection property API. */
export class SimComponentParams extends SimProperties {
  [index: number]: SimComponentParam;
  constructor(private readonly params: SimComponentParam[]) {
    super();
    params.forEach((p, i) => (this[i] = p));
  }
  get numItems(): number {
    return this.params.length;
  }
  get length(): number {
    return this.params.length;
  }
  getParamForDisplayName(name: string): SimComponentParam | null {
    return this.params.find((p) => p.displayName === String(name)) ?? null;
  }
}

export class SimComponent extends SimDomObject {
  readonly properties: SimComponentParams;
  constructor(
    readonly displayName: string,
    readonly matchName: string,
    params: SimComponentParam[],
  ) {
    super();
    this.properties = new SimComponentParams(params);
  }
}

/** The fixed effects every video track item has. */
export function videoComponents() {
  return collection([
    new SimComponent("Opacity", "AE.ADBE Opacity", [
      new SimComponentParam("Opacity", 100),
      new SimComponentParam("Blend Mode", 0),
    ]),
    new SimComponent("Motion", "AE.ADBE Motion", [
      new SimComponentParam("Position", [0.5, 0.5]),
      new SimComponentParam("Scale", 100),
      new SimComponentParam("Uniform Scale", true),
      new SimComponentParam("Rotation", 0),
      new SimComponentParam("Anchor Point", [0.5, 0.5]),
      new SimComponentParam("Anti-flicker Filter", 0),
    ]),
  ]);
}
