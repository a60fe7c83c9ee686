// Premiere's skin (CEP's appSkinInfo) → the panel's theme: which of Spectrum's colour stops to
// use, the host's exact panel background, and the type size. Pure: the panel applies it
// (src/panel/theme), the simulator serves the skins (src/sim), tests check it without a browser.

export interface RgbColor {
  red: number;
  green: number;
  blue: number;
  alpha?: number;
}

/** CEP's UIColor: type 1 is a solid colour (the only kind Premiere reports). */
export interface UiColor {
  type?: number;
  antialiasLevel?: number;
  color: RgbColor;
}

/** The part of CSInterface.getHostEnvironment().appSkinInfo the panel reads. */
export interface AppSkinInfo {
  baseFontFamily?: string;
  baseFontSize: number;
  panelBackgroundColor: UiColor;
  appBarBackgroundColor?: UiColor;
  panelBackgroundColorSRGB?: UiColor;
  appBarBackgroundColorSRGB?: UiColor;
  systemHighlightColor?: RgbColor;
}

export const SKIN_NAMES = ["darkest", "dark", "light", "lightest"] as const;
export type SkinName = (typeof SKIN_NAMES)[number];

export const THEME_COLOR_CHANGED_EVENT = "com.adobe.csxs.events.ThemeColorChanged";

const gray = (v: number): UiColor => ({ type: 1, color: { red: v, green: v, blue: v, alpha: 255 } });

/** The panel background each brightness reports, as Adobe's CEP theme samples read them
 * (50, 83, 184 and 240 on the red channel). The simulator serves these; docs/adr/0020. */
export const HOST_SKINS: Record<SkinName, AppSkinInfo> = {
  darkest: skin(50, 11),
  dark: skin(83, 11),
  light: skin(184, 11),
  lightest: skin(240, 11),
};

function skin(background: number, baseFontSize: number): AppSkinInfo {
  return {
    baseFontFamily: "system-ui",
    baseFontSize,
    panelBackgroundColor: gray(background),
    appBarBackgroundColor: gray(background),
    panelBackgroundColorSRGB: gray(background),
    appBarBackgroundColorSRGB: gray(background),
    systemHighlightColor: { red: 20, green: 115, blue: 230, alpha: 255 },
  };
}

/** Which brightness a background is: halfway between the four known values. Premiere's older
 * brightness slider reports any gray in between; the nearest skin's colours serve it. */
export function skinOf(background: RgbColor): SkinName {
  const level = (background.red + background.green + background.blue) / 3;
  if (level < 67) return "darkest";
  if (level < 134) return "dark";
  if (level < 212) return "light";
  return "lightest";
}

/** Spectrum's gray ramp, stops 50–400 (the backgrounds and borders), for the colour stop each
 * skin uses (Spectrum 3.47's darkest, dark, light and lightest vars). 100 is the page. */
const RAMP_STOPS = [50, 75, 100, 200, 300, 400] as const;
const SPECTRUM_RAMP: Record<SkinName, readonly number[]> = {
  darkest: [0, 14, 29, 48, 75, 106],
  dark: [29, 38, 50, 63, 84, 112],
  light: [255, 253, 248, 230, 213, 177],
  lightest: [255, 255, 255, 235, 217, 179],
};

export interface PanelTheme {
  skin: SkinName;
  colorScheme: "light" | "dark";
  /** the panel's base type size in px: the host's, kept to 11 px at least (dense, still readable) */
  fontSize: number;
  /** the host's panel background, #rrggbb */
  background: string;
  /** CSS custom properties for every Spectrum provider: the ramp moved onto the host's colour */
  vars: Record<string, string>;
}

const clamp = (v: number) => Math.max(0, Math.min(255, Math.round(v)));
const hex = (c: RgbColor) => "#" + [c.red, c.green, c.blue].map((v) => clamp(v).toString(16).padStart(2, "0")).join("");

export function panelTheme(info: AppSkinInfo): PanelTheme {
  const bg = info.panelBackgroundColor.color;
  const name = skinOf(bg);
  const ramp = SPECTRUM_RAMP[name];
  const page = ramp[RAMP_STOPS.indexOf(100)];
  // the whole low ramp moves by the same step, so fields, rows and borders keep Spectrum's
  // contrast with the page while the page itself is exactly Premiere's panel colour
  const shifted = (v: number): RgbColor => ({
    red: v + bg.red - page,
    green: v + bg.green - page,
    blue: v + bg.blue - page,
  });
  const fontSize = Math.max(11, Math.min(16, Math.round(info.baseFontSize || 11)));
  const vars: Record<string, string> = {};
  RAMP_STOPS.forEach((stop, i) => (vars[`--spectrum-gray-${stop}`] = hex(shifted(ramp[i]))));
  Object.assign(vars, {
    // dense like Premiere's panels: host-sized type, 24 px controls instead of Spectrum's 32
    "--spectrum-alias-font-size-default": `${fontSize}px`,
    "--spectrum-global-dimension-font-size-100": `${fontSize}px`,
    "--spectrum-global-dimension-font-size-75": `${fontSize}px`,
    "--spectrum-global-dimension-font-size-50": `${fontSize - 1}px`,
    "--spectrum-alias-single-line-height": "24px",
    "--spectrum-global-dimension-size-400": "24px",
    "--rl-font-size": `${fontSize}px`,
    "--rl-font-size-small": `${fontSize - 1}px`,
  });
  return {
    skin: name,
    colorScheme: name === "darkest" || name === "dark" ? "dark" : "light",
    fontSize,
    background: hex(bg),
    vars,
  };
}

/** The theme as one CSS rule. Every Spectrum Provider is a div with dir and lang, popovers'
 * own providers in portals included; the attribute selector outranks the theme's class. */
export function themeCss(theme: PanelTheme): string {
  const body = Object.entries(theme.vars)
    .map(([k, v]) => `  ${k}: ${v};`)
    .join("\n");
  return `div[dir][lang] {\n${body}\n}\n:root {\n  background: ${theme.background};\n  color-scheme: ${theme.colorScheme};\n}\n`;
}
