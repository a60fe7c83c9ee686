// What each test of a suite starts from (a catalog with references, a store, a database), made
// before it in a beforeEach: making it is setup, bounded by the hook's own timeout, so that a
// busy machine slows it down without failing the test that follows.
import { afterEach, beforeEach } from "vitest";

export function eachTest<T>(make: () => Promise<T>, close?: (made: T) => unknown): { readonly current: T } {
  let made: T | undefined;
  beforeEach(async () => {
    made = await make();
  });
  afterEach(async () => {
    if (made !== undefined) await close?.(made);
    made = undefined;
  });
  return {
    get current(): T {
      if (made === undefined) throw new Error("eachTest: used outside a test of its suite");
      return made;
    },
  };
}
