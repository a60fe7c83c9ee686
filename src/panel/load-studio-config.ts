import { studioConfigProblem, type StudioConfig } from "../lib/studio-config";

/** Reads ../config/studio.json next to the panel page; absent means "not configured". */
export async function loadStudioConfig(pageUrl = window.location.href): Promise<StudioConfig | null> {
  const url = new URL("../config/studio.json", pageUrl).toString();
  const text = await readText(url);
  if (text === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`config/studio.json is not valid JSON: ask your admin to fix the studio config (${url})`);
  }
  const problem = studioConfigProblem(parsed);
  if (problem) throw new Error(`config/studio.json: ${problem}`);
  return parsed as StudioConfig;
}

/** fetch does not read file:// pages (the panel inside Premiere); XHR does. */
function readText(url: string): Promise<string | null> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("GET", url);
    xhr.onload = () => resolve(xhr.status === 200 || (xhr.status === 0 && xhr.responseText) ? xhr.responseText : null);
    xhr.onerror = () => resolve(null);
    xhr.send();
  });
}
