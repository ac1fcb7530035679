// Whether the command palette is open; the shortcuts and the sidebar's search button open it.
import { create } from 'zustand';

interface PaletteState {
  open: boolean;
  show(): void;
  hide(): void;
}

export const usePalette = create<PaletteState>()((set) => ({
  open: false,
  show: () => set({ open: true }),
  hide: () => set({ open: false }),
}));

export const showPalette = () => usePalette.getState().show();
