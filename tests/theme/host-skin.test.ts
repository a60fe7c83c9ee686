// Premiere's skin → the panel's theme, without a browser: which Spectrum colour stop, the host's
// exact background, the type size, and text that keeps WCAG AA contrast on every skin.
import { describe, expect, it } from "vitest";
import { HOST_SKINS, SKIN_NAMES, panelTheme, skinOf, themeCss, type AppSkinInfo } from "../../src/lib/theme/host-skin";

const gray = (v: number) => ({ red: v, green: v, blue: v });
const withBackground = (v: number, baseFontSize = 11): AppSkinInfo => ({
  baseFontSize,
  panelBackgroundColor: { type: 1, color: gray(v) },
});

/** WCAG 2 contrast of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
    const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe("skinOf", () => {
  it("names the four skins from their panel backgrounds", () => {
    expect(SKIN_NAMES.map((name) => skinOf(HOST_SKINS[name].panelBackgroundColor.color))).toEqual([
      "darkest",
      "dark",
      "light",
      "lightest",
    ]);
  });

  it("puts the grays of Premiere's older brightness slider with the nearest skin", () => {
    expect([0, 35, 66, 67, 100, 133, 134, 200, 211, 212, 255].map((v) => skinOf(gray(v)))).toEqual([
      "darkest",
      "darkest",
      "darkest",
      "dark",
      "dark",
      "dark",
      "light",
      "light",
      "light",
      "lightest",
      "lightest",
    ]);
  });
});

describe("panelTheme", () => {
  it("is dark for darkest and dark, light for light and lightest", () => {
    expect(SKIN_NAMES.map((name) => panelTheme(HOST_SKINS[name]).colorScheme)).toEqual([
      "dark",
      "dark",
      "light",
      "light",
    ]);
  });

  it("makes Spectrum's page colour exactly the host's panel background", () => {
    for (const v of [35, 50, 83, 184, 240]) {
      const theme = panelTheme(withBackground(v));
      const hex = `#${v.toString(16).padStart(2, "0").repeat(3)}`;
      expect(theme.background).toBe(hex);
      expect(theme.vars["--spectrum-gray-100"]).toBe(hex);
    }
  });

  it("keeps Spectrum's steps around the page: fields and rows stay apart from it", () => {
    const dark = panelTheme(HOST_SKINS.dark).vars;
    const light = panelTheme(HOST_SKINS.light).vars;
    // dark: fields (50) darker than the page, borders (400) lighter; light: the other way round
    expect(dark["--spectrum-gray-50"] < dark["--spectrum-gray-100"]).toBe(true);
    expect(dark["--spectrum-gray-400"] > dark["--spectrum-gray-100"]).toBe(true);
    expect(light["--spectrum-gray-50"] > light["--spectrum-gray-100"]).toBe(true);
    expect(light["--spectrum-gray-400"] < light["--spectrum-gray-100"]).toBe(true);
  });

  it("keeps its channels in 0–255 where the move would go past them", () => {
    const vars = panelTheme(withBackground(0)).vars;
    expect(vars["--spectrum-gray-50"]).toBe("#000000");
    expect(
      Object.values(vars)
        .filter((v) => v.startsWith("#"))
        .every((v) => /^#[0-9a-f]{6}$/.test(v)),
    ).toBe(true);
  });

  it("takes the host's type size, at least 11 px and at most 16 px", () => {
    expect([8, 10, 11, 12, 13, 20].map((size) => panelTheme(withBackground(50, size)).fontSize)).toEqual([
      11, 11, 11, 12, 13, 16,
    ]);
    expect(panelTheme(withBackground(50, 12)).vars["--spectrum-alias-font-size-default"]).toBe("12px");
  });

  it("leaves Spectrum's text grays, which keep AA contrast on the page of each skin", () => {
    // Spectrum 3.47's gray-700 (labels, muted text) per colour stop the skins use
    const muted = { darkest: "#d0d0d0", dark: "#d1d1d1", light: "#464646", lightest: "#474747" };
    for (const name of SKIN_NAMES) {
      const theme = panelTheme(HOST_SKINS[name]);
      expect(theme.vars["--spectrum-gray-700"]).toBeUndefined();
      expect(contrast(muted[name], theme.background)).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe("themeCss", () => {
  it("is one rule for every Spectrum provider (div[dir][lang]) and the page behind them", () => {
    const css = themeCss(panelTheme(HOST_SKINS.light));
    expect(css).toContain("div[dir][lang] {");
    expect(css).toContain("--spectrum-gray-100: #b8b8b8;");
    expect(css).toMatch(/:root \{\s+background: #b8b8b8;\s+color-scheme: light;/);
  });
});
