// A Node vm context stripped down to what ExtendScript (ECMAScript 3) offers, so that the
// compiled host bundle fails here the way it would fail in Premiere when it leans on ES5+.
import vm from "node:vm";

const REMOVED_GLOBALS = [
  "JSON",
  "Promise",
  "Map",
  "Set",
  "WeakMap",
  "WeakSet",
  "WeakRef",
  "Symbol",
  "Proxy",
  "Reflect",
  "ArrayBuffer",
  "SharedArrayBuffer",
  "DataView",
  "Atomics",
  "Intl",
  "BigInt",
  "FinalizationRegistry",
  "Int8Array",
  "Uint8Array",
  "Uint8ClampedArray",
  "Int16Array",
  "Uint16Array",
  "Int32Array",
  "Uint32Array",
  "Float32Array",
  "Float64Array",
  "BigInt64Array",
  "BigUint64Array",
  "queueMicrotask",
  "structuredClone",
  "WebAssembly",
  "AggregateError",
  "Iterator",
];
const REMOVED_STATICS: Record<string, string[]> = {
  Object: [
    "keys",
    "create",
    "defineProperty",
    "defineProperties",
    "getPrototypeOf",
    "getOwnPropertyNames",
    "getOwnPropertyDescriptor",
    "getOwnPropertyDescriptors",
    "getOwnPropertySymbols",
    "freeze",
    "seal",
    "isFrozen",
    "isSealed",
    "preventExtensions",
    "isExtensible",
    "assign",
    "entries",
    "values",
    "is",
    "setPrototypeOf",
    "fromEntries",
    "groupBy",
    "hasOwn",
  ],
  Array: ["isArray", "from", "of"],
  Date: ["now"],
  Number: ["isNaN", "isFinite", "isInteger", "parseFloat", "parseInt", "EPSILON", "isSafeInteger"],
  Math: ["trunc", "sign", "log10", "log2", "hypot", "cbrt", "fround", "imul", "clz32", "expm1", "log1p"],
};
const REMOVED_METHODS: Record<string, string[]> = {
  Array: [
    "forEach",
    "map",
    "filter",
    "reduce",
    "reduceRight",
    "some",
    "every",
    "indexOf",
    "lastIndexOf",
    "find",
    "findIndex",
    "findLast",
    "findLastIndex",
    "includes",
    "fill",
    "keys",
    "values",
    "entries",
    "flat",
    "flatMap",
    "at",
    "copyWithin",
    "toSorted",
    "toReversed",
    "toSpliced",
    "with",
  ],
  String: [
    "trim",
    "trimStart",
    "trimEnd",
    "trimLeft",
    "trimRight",
    "includes",
    "startsWith",
    "endsWith",
    "repeat",
    "padStart",
    "padEnd",
    "at",
    "codePointAt",
    "normalize",
    "replaceAll",
    "matchAll",
  ],
  Function: ["bind"],
  Date: ["toISOString", "toJSON"],
};

export interface Es3Realm {
  context: vm.Context;
  /** Runs source in the realm; errors report `filename` in their stack. */
  run(source: string, filename?: string): unknown;
  /** An array created inside the realm, so it has only ES3 array methods. */
  array<T>(items: T[]): T[];
}

export function createEs3Realm(globals: Record<string, unknown> = {}): Es3Realm {
  const context = vm.createContext({});
  const strip = `(function (g) {
    var globals = ${JSON.stringify(REMOVED_GLOBALS)};
    for (var i = 0; i < globals.length; i++) delete g[globals[i]];
    var statics = ${JSON.stringify(REMOVED_STATICS)};
    for (var c in statics) for (var j = 0; j < statics[c].length; j++) delete g[c][statics[c][j]];
    var methods = ${JSON.stringify(REMOVED_METHODS)};
    for (var m in methods) for (var k = 0; k < methods[m].length; k++) delete g[m].prototype[methods[m][k]];
  })(this);`;
  vm.runInContext(strip, context);
  for (const [name, value] of Object.entries(globals)) context[name] = value;
  const makeArray = vm.runInContext("(function () { return []; })", context) as () => unknown[];
  return {
    context,
    run: (source, filename = "eval.jsx") => vm.runInContext(source, context, { filename }),
    array<T>(items: T[]): T[] {
      const out = makeArray() as T[];
      for (const item of items) out.push(item);
      return out;
    },
  };
}
