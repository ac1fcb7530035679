// Whether the command palette is open; the shortcuts and the sidebar's search button open it.
import { caseDataStore } from '../../state/data.js';

interface PaletteState {
  open: boolean;
  show(): void;
  hide(): void;
}

export const usePalette = caseDataStore<PaletteState>()((set) => ({
  open: false,
  show: () => set({ open: true }),
  hide: () => set({ open: false }),
}));

export const showPalette = () => usePalette.getState().show();
