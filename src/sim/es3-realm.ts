// A Node vm context stripped down to what ExtendScript (ECMAScript 3) offers, so that the
// compiled host bundle fails here the way it would fail in Premiere when it leans on ES5+.
import vm from "node:vm";
import { createMembrane, type Membrane } from "./realm-membrane";

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
  membrane: Membrane;
  /** Runs source in the realm; errors report `filename` in their stack. */
  run(source: string, filename?: string): unknown;
  /** Makes a Node value a global of the realm, through the membrane. */
  define(name: string, value: unknown): void;
}

export function createEs3Realm(globals: Record<string, unknown> = {}): Es3Realm {
  const context = vm.createContext({});
  const strip = `(function (g) {
    var defineProperty = Object.defineProperty;
    var globals = ${JSON.stringify(REMOVED_GLOBALS)};
    for (var i = 0; i < globals.length; i++) delete g[globals[i]];
    var statics = ${JSON.stringify(REMOVED_STATICS)};
    for (var c in statics) for (var j = 0; j < statics[c].length; j++) delete g[c][statics[c][j]];
    var methods = ${JSON.stringify(REMOVED_METHODS)};
    for (var m in methods) for (var k = 0; k < methods[m].length; k++) delete g[m].prototype[methods[m][k]];
    // V8 hands a realm's own prepareStackTrace the call sites, whose getThis() can be a Node
    // object: keep it unset for good.
    defineProperty(g.Error, "prepareStackTrace", { value: undefined, writable: false, configurable: false });
    delete g.Error.captureStackTrace;
    var accessors = ["__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__"];
    for (var a = 0; a < accessors.length; a++) delete g.Object.prototype[accessors[a]];
  })(this);`;
  vm.runInContext(strip, context);
  const membrane = createMembrane(context);
  const define = (name: string, value: unknown) => (context[name] = membrane.toRealm(value));
  for (const [name, value] of Object.entries(globals)) define(name, value);
  return {
    context,
    membrane,
    define,
    run: (source, filename = "eval.jsx") => vm.runInContext(source, context, { filename }),
  };
}
