// The part of fs-native-extensions (which ships no types) that data-dir-lock.ts uses.
declare module "fs-native-extensions" {
  /** true when the lock is granted, false when another open file holds it */
  export function tryLock(fd: number, offset?: number, length?: number, options?: { shared?: boolean }): boolean;
  export function unlock(fd: number, offset?: number, length?: number): void;
}
