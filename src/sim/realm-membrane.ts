// A membrane between Node and the script realm. A vm context is not a sandbox: any Node object
// handed in exposes Node's Function through `.constructor`, and Function("return process")()
// reaches the machine. Every Node value therefore crosses as a Proxy whose prototype chain,
// functions, thrown errors and arrays all belong to the script realm; values coming back are
// unwrapped, and script callbacks are wrapped so Node calls them with realm-safe arguments.
import vm from "node:vm";

export interface Membrane {
  /** a Node value as the script realm may see it */
  toRealm(value: unknown): unknown;
  /** a realm value as Node code may use it */
  toOuter(value: unknown): unknown;
}

interface RealmIntrinsics {
  objectPrototype: object;
  isRealmValue: (v: unknown) => boolean;
  makeArray: () => unknown[];
  makeError: (message: string, name: string) => Error;
  makeDate: (ms: number) => Date;
  makeFunction: () => (...args: unknown[]) => unknown;
}

function intrinsics(context: vm.Context): RealmIntrinsics {
  return vm.runInContext(
    `({
      objectPrototype: Object.prototype,
      isRealmValue: function (v) { return v === Object.prototype || v instanceof Object; },
      makeArray: function () { return []; },
      makeError: function (message, name) { var e = new Error(message); if (name) e.name = name; return e; },
      makeDate: function (ms) { return new Date(ms); },
      makeFunction: function () { return function () {}; }
    })`,
    context,
  ) as RealmIntrinsics;
}

export function createMembrane(context: vm.Context): Membrane {
  const realm = intrinsics(context);
  // Anything not made in the realm counts as Node's, null-prototype objects included; the
  // instanceof test answers most cases without calling into the realm
  const isOuterObject = (v: object) => v instanceof Object || !realm.isRealmValue(v);
  const toRealmCache = new WeakMap<object, unknown>();
  const proxyTargets = new WeakMap<object, object>();
  const outerWrappers = new WeakMap<object, unknown>();

  function realmError(e: unknown): unknown {
    if (!(e instanceof Error)) return toRealm(e);
    const err = realm.makeError(String(e.message), e.name === "Error" ? "" : e.name);
    // Node stack frames name Node files: keep the message only, as ExtendScript would
    return err;
  }

  /** Runs Node code for the realm: whatever it throws reaches the script as a realm Error. */
  function guard<T>(run: () => T): T {
    try {
      return run();
    } catch (e) {
      throw realmError(e);
    }
  }

  function wrapFunction(fn: (...a: unknown[]) => unknown): unknown {
    return new Proxy(realm.makeFunction(), {
      apply: (_t, self, args) => guard(() => toRealm(Reflect.apply(fn, toOuter(self), Array.from(args, toOuter)))),
      construct: (_t, args) => guard(() => toRealm(Reflect.construct(fn, Array.from(args, toOuter))) as object),
      // statics (Folder.temp, File.fs) and prototype come from the Node function; the realm
      // function answers everything else, so `.constructor` is the realm's own Function
      get: (target, key) =>
        key !== "constructor" && key in fn && (!(key in Function.prototype) || key === "name")
          ? guard(() => toRealm(Reflect.get(fn, key)))
          : Reflect.get(target, key),
      set: (_t, key, value) => guard(() => Reflect.set(fn, key, toOuter(value))),
      has: (target, key) => key in fn || key in target,
    });
  }

  function wrapObject(obj: object): unknown {
    const prototypeOf = (target: object) => {
      const proto = Reflect.getPrototypeOf(target);
      return proto === null || proto === Object.prototype ? realm.objectPrototype : (toRealm(proto) as object);
    };
    return new Proxy(obj, {
      get: (target, key) => {
        if (typeof key === "symbol") return undefined;
        if (key === "__proto__") return prototypeOf(target);
        return guard(() => toRealm(Reflect.get(target, key, target)));
      },
      set: (target, key, value) => guard(() => Reflect.set(target, key, toOuter(value), target)),
      getPrototypeOf: prototypeOf,
      getOwnPropertyDescriptor: (target, key) => {
        const d = Reflect.getOwnPropertyDescriptor(target, key);
        if (!d) return undefined;
        // a data view of the property: Node getters and setters never reach the realm
        const value = guard(() => toRealm(Reflect.get(target, key, target)));
        return { value, writable: true, enumerable: d.enumerable, configurable: true };
      },
      defineProperty: () => false,
    });
  }

  function toRealm(value: unknown): unknown {
    if (value === null || (typeof value !== "object" && typeof value !== "function")) return value;
    if (proxyTargets.has(value)) return value;
    if (!isOuterObject(value)) return value; // already a realm value
    const cached = toRealmCache.get(value);
    if (cached !== undefined) return cached;
    if (Array.isArray(value)) {
      // Premiere hands out fresh ES3 arrays: a copy in the realm, without ES5 methods
      const out = realm.makeArray();
      for (const item of value) out.push(toRealm(item));
      return out;
    }
    if (value instanceof Date) return realm.makeDate(value.getTime());
    if (value instanceof Error) return realmError(value);
    const wrapped = typeof value === "function" ? wrapFunction(value as () => unknown) : wrapObject(value);
    toRealmCache.set(value, wrapped);
    proxyTargets.set(wrapped as object, value);
    return wrapped;
  }

  function toOuter(value: unknown): unknown {
    if (value === null || (typeof value !== "object" && typeof value !== "function")) return value;
    const target = proxyTargets.get(value);
    if (target) return target;
    if (isOuterObject(value)) return value;
    if (Object.prototype.toString.call(value) === "[object Array]") return Array.from(value as unknown[], toOuter);
    if (typeof value === "function") {
      let wrapper = outerWrappers.get(value);
      if (!wrapper) {
        const fn = value as (...a: unknown[]) => unknown;
        wrapper = (...args: unknown[]) => toOuter(fn(...args.map(toRealm)));
        outerWrappers.set(value, wrapper);
      }
      return wrapper;
    }
    return value; // a plain realm object: Node reads its fields, which are realm values
  }

  return { toRealm, toOuter };
}
