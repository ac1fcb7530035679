// The colour theme: follow the system (prefers-color-scheme) unless the user picked light or dark. The choice is
// kept per machine in localStorage and applied as data-theme on <html>, which the CSS variables key on.
import { create } from 'zustand';

export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

const STORAGE_KEY = 'parley.theme';

function stored(): ThemeChoice {
  const value = localStorage.getItem(STORAGE_KEY);
  return (THEME_CHOICES as readonly string[]).includes(value ?? '') ? (value as ThemeChoice) : 'system';
}

function apply(choice: ThemeChoice): void {
  if (choice === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = choice;
}

interface ThemeState {
  choice: ThemeChoice;
  choose(choice: ThemeChoice): void;
}

export const useTheme = create<ThemeState>()((set) => {
  const initial = stored();
  apply(initial);
  return {
    choice: initial,
    choose(choice) {
      localStorage.setItem(STORAGE_KEY, choice);
      apply(choice);
      set({ choice });
    },
  };
});
