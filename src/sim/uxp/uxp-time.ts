// TickTime, FrameRate and Guid as Premiere's UXP DOM has them: immutable values, ticks as strings
// (254016000000 per second).
import crypto from "node:crypto";
import { TICKS_PER_SECOND } from "../dom/time";

export class UxpFrameRate {
  constructor(readonly value = 0) {}
  static createWithValue(value: number): UxpFrameRate {
    return new UxpFrameRate(Number(value));
  }
  get ticksPerFrame(): number {
    return this.value > 0 ? Math.round(TICKS_PER_SECOND / this.value) : 0;
  }
  equals(other: UxpFrameRate): boolean {
    return other instanceof UxpFrameRate && other.value === this.value;
  }
}

export class UxpTickTime {
  private readonly count: number;
  constructor(ticks: number | string = 0) {
    this.count = Math.round(Number(ticks));
  }
  static createWithTicks(ticks: string): UxpTickTime {
    if (typeof ticks !== "string" || !/^-?\d+$/.test(ticks))
      throw new Error("TickTime.createWithTicks: ticks must be a string of digits");
    return new UxpTickTime(ticks);
  }
  static createWithSeconds(seconds: number): UxpTickTime {
    return new UxpTickTime(Number(seconds) * TICKS_PER_SECOND);
  }
  static createWithFrameAndFrameRate(frameCount: number, frameRate: UxpFrameRate): UxpTickTime {
    return new UxpTickTime(Number(frameCount) * frameRate.ticksPerFrame);
  }
  static readonly TIME_ZERO = new UxpTickTime(0);
  static readonly TIME_ONE_SECOND = new UxpTickTime(TICKS_PER_SECOND);
  static readonly TIME_ONE_MINUTE = new UxpTickTime(60 * TICKS_PER_SECOND);
  static readonly TIME_ONE_HOUR = new UxpTickTime(3600 * TICKS_PER_SECOND);
  static readonly TIME_MAX = new UxpTickTime(Number.MAX_SAFE_INTEGER);
  static readonly TIME_MIN = new UxpTickTime(Number.MIN_SAFE_INTEGER);
  static readonly TIME_INVALID = new UxpTickTime(Number.MIN_SAFE_INTEGER + 1);
  get ticks(): string {
    return String(this.count);
  }
  get ticksNumber(): number {
    return this.count;
  }
  get seconds(): number {
    return this.count / TICKS_PER_SECOND;
  }
  equals(other: UxpTickTime): boolean {
    return other instanceof UxpTickTime && other.count === this.count;
  }
  alignToFrame(frameRate: UxpFrameRate): UxpTickTime {
    const f = frameRate.ticksPerFrame;
    return f ? new UxpTickTime(Math.floor(this.count / f) * f) : this;
  }
  alignToNearestFrame(frameRate: UxpFrameRate): UxpTickTime {
    const f = frameRate.ticksPerFrame;
    return f ? new UxpTickTime(Math.round(this.count / f) * f) : this;
  }
  add(other: UxpTickTime): UxpTickTime {
    return new UxpTickTime(this.count + other.ticksNumber);
  }
  subtract(other: UxpTickTime): UxpTickTime {
    return new UxpTickTime(this.count - other.ticksNumber);
  }
  multiply(factor: number): UxpTickTime {
    return new UxpTickTime(this.count * Number(factor));
  }
  divide(divisor: number): UxpTickTime {
    return new UxpTickTime(this.count / Number(divisor));
  }
}

export class UxpGuid {
  constructor(private readonly text: string = crypto.randomUUID()) {}
  static fromString(value: string): UxpGuid {
    return new UxpGuid(String(value));
  }
  toString(): string {
    return this.text;
  }
}

/** A TickTime argument, checked as Premiere checks its native types. */
export function tickTimeArg(value: unknown, member: string): UxpTickTime {
  if (!(value instanceof UxpTickTime)) throw new TypeError(`${member}: expected a TickTime`);
  return value;
}

/** RectF: a frame size. */
export class UxpRectF {
  constructor(
    public width = 0,
    public height = 0,
  ) {}
}
