// The review keys' store side (docs/adr/0027-panel-keys.md): a review key within 500 ms of an
// Accept or of a change of clip does nothing, so that a second Enter never acts on a card the
// editor has not seen. Time is the store's clock (services.now), so tests need no sleeps.
import { panelKey, type PanelKeyId } from "../keys/panel-keys";
import type { Slice } from "./slice";

export const KEY_GUARD_MS = 500;

export interface PanelKeysSlice {
  /** when the card last changed clip or was accepted, on the store's clock */
  cardChangedAt: number;
  /** the card changed so lately that a review key would act on what the editor has not seen */
  keysHeld(): boolean;
  /** the store's part of a panel key; false when it did nothing (held, or not the store's) */
  pressKey(id: PanelKeyId): Promise<boolean>;
}

export const panelKeysSlice: Slice<PanelKeysSlice> = (set, get, services) => {
  const now = services.now ?? (() => Date.now());
  return {
    cardChangedAt: Number.NEGATIVE_INFINITY,
    keysHeld: () => now() - get().cardChangedAt < KEY_GUARD_MS,
    async pressKey(id) {
      if (panelKey(id).guarded && get().keysHeld()) return false;
      const s = get();
      switch (id) {
        case "next":
          s.move(1);
          return true;
        case "previous":
          s.move(-1);
          return true;
        case "accept":
        case "acceptFromField":
          await s.accept();
          return true;
        case "save":
          await s.saveAsReference();
          return true;
        case "undoAccept":
          await s.undoAccept();
          return true;
        default:
          return false;
      }
    },
  };
};
