// Native paths as the platform spells them: the host joins, splits and compares them itself
// (UXP has no path module in the plugin's own context).

export interface PathStyle {
  windows: boolean;
}

export function separator(style: PathStyle): string {
  return style.windows ? "\\" : "/";
}

/** One spelling: the platform's separators, no doubled ones, no trailing one. */
export function normalize(path: string, style: PathStyle): string {
  const sep = separator(style);
  const unc = style.windows && /^[\\/]{2}/.test(path);
  let out = path.replace(/[\\/]+/g, sep);
  if (unc) out = sep + out;
  if (out.length > 1 && out.endsWith(sep) && !/^[A-Za-z]:\\$/.test(out)) out = out.slice(0, -1);
  return out;
}

export function join(style: PathStyle, ...parts: string[]): string {
  return normalize(parts.join(separator(style)), style);
}

export function parentOf(path: string, style: PathStyle): string {
  const normalized = normalize(path, style);
  const i = normalized.lastIndexOf(separator(style));
  return i <= 0 ? separator(style) : normalized.slice(0, i);
}

export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? "";
}

/** Whether `path` is strictly inside `root`, with no ".." on the way. */
export function isInside(path: string, root: string, style: PathStyle): boolean {
  const p = normalize(path, style);
  const r = normalize(root, style);
  if (p.split(/[\\/]/).includes("..")) return false;
  const same = style.windows
    ? (a: string, b: string) => a.toLowerCase() === b.toLowerCase()
    : (a: string, b: string) => a === b;
  return p.length > r.length + 1 && same(p.slice(0, r.length), r) && p.charAt(r.length) === separator(style);
}
