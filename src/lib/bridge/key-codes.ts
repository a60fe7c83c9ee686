// The platform key codes CEP's registerKeyEventsInterest takes (docs/adr/0027-panel-keys.md).
// CEP wants the OS's own virtual key code: Windows' VK_* (Microsoft's "Virtual-Key Codes" table)
// and macOS' kVK_* (Carbon's HIToolbox Events.h); the same key has different numbers on each.

/** The keys the panel can ask for, named as KeyboardEvent.key names them (" " is "Space"). */
export type KeyName = "ArrowDown" | "ArrowUp" | "Enter" | "Escape" | "Tab" | "Space" | "F2" | "S" | "Z";

/** One key with its modifiers. `ctrlOrCmd`: Ctrl on Windows, Ctrl or Cmd on macOS. */
export interface KeyChord {
  key: KeyName;
  ctrlOrCmd?: boolean;
  shift?: boolean;
}

export type KeyPlatform = "win" | "mac";

/** registerKeyEventsInterest's entries: absent modifiers are "not pressed". */
export interface KeyEventInterest {
  keyCode: number;
  ctrlKey?: boolean;
  metaKey?: boolean;
  shiftKey?: boolean;
  altKey?: boolean;
}

/** Windows virtual-key codes (VK_DOWN 0x28, VK_UP 0x26, VK_RETURN 0x0D, VK_ESCAPE 0x1B,
 * VK_TAB 0x09, VK_SPACE 0x20, VK_F2 0x71, 'S' 0x53, 'Z' 0x5A). The DOM's legacy keyCode has
 * the same numbers for these keys, which is what the preview's simulated CEP compares. */
export const WINDOWS_KEY_CODES: Record<KeyName, number> = {
  ArrowDown: 0x28,
  ArrowUp: 0x26,
  Enter: 0x0d,
  Escape: 0x1b,
  Tab: 0x09,
  Space: 0x20,
  F2: 0x71,
  S: 0x53,
  Z: 0x5a,
};

/** macOS virtual key codes (kVK_DownArrow 0x7D, kVK_UpArrow 0x7E, kVK_Return 0x24,
 * kVK_Escape 0x35, kVK_Tab 0x30, kVK_Space 0x31, kVK_F2 0x78, kVK_ANSI_S 0x01, kVK_ANSI_Z 0x06).
 * The ANSI letter codes are key positions: on an AZERTY keyboard kVK_ANSI_Z is the W key. */
export const MAC_KEY_CODES: Record<KeyName, number> = {
  ArrowDown: 0x7d,
  ArrowUp: 0x7e,
  Enter: 0x24,
  Escape: 0x35,
  Tab: 0x30,
  Space: 0x31,
  F2: 0x78,
  S: 0x01,
  Z: 0x06,
};

/** The JSON entries for these chords on this platform. Ctrl-or-Cmd is two entries on macOS
 * (metaKey is macOS only); on Windows it is Ctrl. `codes`: the preview's simulated CEP compares
 * the DOM's keyCode (Windows' numbers) whatever the platform. */
export function keyEventsInterest(
  chords: readonly KeyChord[],
  platform: KeyPlatform,
  codes: Record<KeyName, number> = platform === "mac" ? MAC_KEY_CODES : WINDOWS_KEY_CODES,
): KeyEventInterest[] {
  const out: KeyEventInterest[] = [];
  for (const c of chords) {
    const base: KeyEventInterest = { keyCode: codes[c.key], ...(c.shift ? { shiftKey: true } : {}) };
    if (!c.ctrlOrCmd) out.push(base);
    else if (platform === "mac") out.push({ ...base, metaKey: true }, { ...base, ctrlKey: true });
    else out.push({ ...base, ctrlKey: true });
  }
  return out;
}

/** macOS or Windows, as CSInterface.getOSInformation tells them apart (navigator.platform). */
export function keyPlatformOf(platform: string | undefined): KeyPlatform {
  return /^mac/i.test(platform ?? "") ? "mac" : "win";
}
