// What the ExtendScript side uses beyond types-for-adobe Premiere/24.0 + QE DOM.

/** Bundled json2 (ExtendScript has no native JSON). */
declare const JSON: {
  parse(text: string): any;
  stringify(value: any): string;
};

/** Untyped in types-for-adobe 7.2.6 (docs/facts/premiere-and-cep.md): Premiere 15.4+. */
interface Application {
  getCurrentProjectViewSelection(): ProjectItem[] | undefined;
}

/** Error objects in ExtendScript carry the failing line; Node's vm gives a stack instead. */
interface Error {
  message: string;
  line?: number;
  fileName?: string;
  stack?: string;
}

/** ES3 allows a function as replacement and any this-value; the typings are narrower. */
interface String {
  replace(what: any, with_: (match: string, ...groups: any[]) => string): string;
}
interface Function {
  apply(thisObj: any, args: any): any;
  call(thisObj: any, ...args: any[]): any;
}

/** In Premiere (and Adobe's own PremierePro.23.0.d.ts), missing from types-for-adobe 24.0. */
interface ProjectItem {
  isOffline(): boolean;
  getFootageInterpretation(): { frameRate: number; pixelAspectRatio: number } | undefined;
}

/** dc:description is a language alternative; XMPScript reads and writes it this way. */
interface XMPMetaInstance {
  getLocalizedText(ns: string, name: string, genericLang: string | null, specificLang: string): string | undefined;
  setLocalizedText(ns: string, name: string, genericLang: string | null, specificLang: string, value: string): boolean;
}

/** QE's getActiveSequence() is typed as `object`; this is the part the frame grab uses. */
interface QEFrameExporter {
  exportFramePNG(time: string, outputPathWithoutExtension: string): boolean;
}

/** Compile-time only: `as const` tuples need it; ES3 has no such runtime object. */
interface ReadonlyArray<T> {
  readonly length: number;
  readonly [n: number]: T;
  join(separator?: string): string;
}
