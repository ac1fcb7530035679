// Whether the keyboard-shortcut sheet is open.
import { create } from 'zustand';

export const useShortcutSheet = create<{ open: boolean }>()(() => ({ open: false }));

export const showShortcutSheet = () => useShortcutSheet.setState({ open: true });
export const hideShortcutSheet = () => useShortcutSheet.setState({ open: false });
