// What every object of Premiere's DOM shares (bind/unbind/setTimeout), and the one way members
// that need Premiere's engines fail: a named "not available in the simulator" error, never
// `undefined is not a function`.

const NOT_AVAILABLE = Symbol("not available in the simulator");

export class NotAvailableError extends Error {
  constructor(member: string) {
    super(`${member} is not available in the simulator (it needs Premiere's own engine)`);
    this.name = "NotAvailableError";
  }
}

/** A method that exists and throws NotAvailableError when called. */
export function notAvailable(member: string): (...args: unknown[]) => never {
  const fn = () => {
    throw new NotAvailableError(member);
  };
  (fn as unknown as Record<symbol, string>)[NOT_AVAILABLE] = member;
  return fn;
}

/** Whether a member was declared with notAvailable() (read by npm run sim:coverage). */
export function isNotAvailable(value: unknown): boolean {
  return typeof value === "function" && NOT_AVAILABLE in value;
}

/** Installs notAvailable members on a class's prototype. */
export function declareNotAvailable(cls: { prototype: object; name: string }, className: string, members: string[]) {
  for (const member of members) {
    Object.defineProperty(cls.prototype, member, {
      value: notAvailable(`${className}.${member}`),
      writable: true,
      configurable: true,
    });
  }
}

export class SimDomObject {
  /** handlers scripts bound with bind(eventName, fn) */
  readonly boundEvents = new Map<string, (...args: unknown[]) => void>();
  bind(eventName: string, handler: (...args: unknown[]) => void): void {
    this.boundEvents.set(String(eventName), handler);
  }
  unbind(eventName: string): void {
    this.boundEvents.delete(String(eventName));
  }
  /** Premiere calls the bound handler after the delay; the simulator has no event loop, so it
   * keeps the handler like bind does. */
  setTimeout(eventName: string, handler: (...args: unknown[]) => void, _milliseconds: number): void {
    this.boundEvents.set(String(eventName), handler);
  }
}

/** Premiere's collections: numItems (or numTracks, ...) and index access, plus the events API. */
export function collection<T>(items: T[], countName = "numItems"): SimDomObject & Record<number, T> {
  const c = new SimDomObject() as SimDomObject & Record<string | number, unknown>;
  c[countName] = items.length;
  c.length = items.length;
  items.forEach((item, i) => (c[i] = item));
  return c as SimDomObject & Record<number, T>;
}
