// CEP 11 runs Node 15.9 (V8 8.6): no Array.prototype.at, no Object.hasOwn, no global
// performance. transformers.js's tokenizer and template code use the first two, the thread
// the last. Added only where missing; imported first by the encoder thread. (Headers and
// ReadableStream, which its file loading wants, are avoided instead: local-model-files.ts.)
import { performance } from "perf_hooks";

function at<T>(this: ArrayLike<T>, index: number): T | undefined {
  const i = Math.trunc(index) || 0;
  return this[i < 0 ? this.length + i : i];
}

const typedArray = Object.getPrototypeOf(Int8Array.prototype) as { at?: unknown };
for (const proto of [Array.prototype, String.prototype, typedArray] as Array<{ at?: unknown }>)
  if (!proto.at) Object.defineProperty(proto, "at", { value: at, writable: true, configurable: true });

const objects = Object as unknown as { hasOwn?: (o: object, k: PropertyKey) => boolean };
if (!objects.hasOwn) objects.hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);

const scope = globalThis as { performance?: unknown };
if (!scope.performance) scope.performance = performance;
