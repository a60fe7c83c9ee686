// Tiny argument checkers shared by the panel (before sending) and the host (on receipt).
// Compiled into the ES3 host bundle: loops and typeof only, no ES5 library calls.

/** Returns null when the value is acceptable, otherwise what is wrong with it. */
export type Check = (value: unknown) => string | null;

export function isArray(value: unknown): value is unknown[] {
  return Object.prototype.toString.call(value) === "[object Array]";
}

export function str(opts?: { nonEmpty?: boolean; maxLength?: number }): Check {
  return function (value) {
    if (typeof value !== "string") return "must be a string";
    if (opts && opts.nonEmpty && value.length === 0) return "must not be empty";
    if (opts && opts.maxLength !== undefined && value.length > opts.maxLength) {
      return "must be at most " + opts.maxLength + " characters";
    }
    return null;
  };
}

export function num(opts?: { min?: number; max?: number; integer?: boolean }): Check {
  return function (value) {
    if (typeof value !== "number" || value !== value) return "must be a number";
    if (opts && opts.integer && Math.floor(value) !== value) return "must be a whole number";
    if (opts && opts.min !== undefined && value < opts.min) return "must be at least " + opts.min;
    if (opts && opts.max !== undefined && value > opts.max) return "must be at most " + opts.max;
    return null;
  };
}

export function oneOf(values: string[]): Check {
  return function (value) {
    for (var i = 0; i < values.length; i++) if (value === values[i]) return null;
    return "must be one of " + values.join(", ");
  };
}

export function bool(): Check {
  return function (value) {
    return typeof value === "boolean" ? null : "must be true or false";
  };
}

export function arrayOf(item: Check, opts?: { minLength?: number; maxLength?: number }): Check {
  return function (value) {
    if (!isArray(value)) return "must be a list";
    if (opts && opts.minLength !== undefined && value.length < opts.minLength) {
      return "must have at least " + opts.minLength + " entries";
    }
    if (opts && opts.maxLength !== undefined && value.length > opts.maxLength) {
      return "must have at most " + opts.maxLength + " entries";
    }
    for (var i = 0; i < value.length; i++) {
      var problem = item(value[i]);
      if (problem) return "entry " + i + " " + problem;
    }
    return null;
  };
}

/** A plain object whose listed keys pass their checks; keys not listed are rejected. */
export function record(fields: { [key: string]: Check }, optional?: { [key: string]: boolean }): Check {
  return function (value) {
    if (value === null || typeof value !== "object" || isArray(value)) return "must be an object";
    var obj = value as { [key: string]: unknown };
    for (var key in obj) {
      if (Object.prototype.hasOwnProperty.call(obj, key) && !Object.prototype.hasOwnProperty.call(fields, key)) {
        return "has an unknown field '" + key + "'";
      }
    }
    for (var name in fields) {
      if (!Object.prototype.hasOwnProperty.call(fields, name)) continue;
      var present = Object.prototype.hasOwnProperty.call(obj, name) && obj[name] !== undefined;
      if (!present) {
        if (optional && optional[name]) continue;
        return "is missing '" + name + "'";
      }
      var problem = fields[name](obj[name]);
      if (problem) return "field '" + name + "' " + problem;
    }
    return null;
  };
}

/** A plain object used as a map: any keys, every value passing `value`, at most `maxKeys` keys. */
export function mapOf(value: Check, opts?: { maxKeys?: number }): Check {
  return function (obj) {
    if (obj === null || typeof obj !== "object" || isArray(obj)) return "must be an object";
    var count = 0;
    var map = obj as { [key: string]: unknown };
    for (var key in map) {
      if (!Object.prototype.hasOwnProperty.call(map, key)) continue;
      count++;
      var problem = value(map[key]);
      if (problem) return "entry '" + key + "' " + problem;
    }
    if (opts && opts.maxKeys !== undefined && count > opts.maxKeys)
      return "must have at most " + opts.maxKeys + " keys";
    return null;
  };
}

/** Either null or a value passing `check`. */
export function nullOr(check: Check): Check {
  return function (value) {
    return value === null ? null : check(value);
  };
}

/** Checks a whole argument list against one check per position. */
export function checkArgs(checks: Check[], args: unknown): string | null {
  if (!isArray(args)) return "arguments must be a list";
  if (args.length !== checks.length) {
    return "expects " + checks.length + " argument(s), got " + args.length;
  }
  for (var i = 0; i < checks.length; i++) {
    var problem = checks[i](args[i]);
    if (problem) return "argument " + (i + 1) + " " + problem;
  }
  return null;
}
