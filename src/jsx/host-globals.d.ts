// What the ExtendScript side uses beyond types-for-adobe Premiere/24.0 + QE DOM.

/** Bundled json2 (ExtendScript has no native JSON). */
declare const JSON: {
  parse(text: string): any;
  stringify(value: any): string;
};

/** Untyped in types-for-adobe 7.2.6 (FACTS.md): Premiere 15.4+. */
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
