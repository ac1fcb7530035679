// Who is using Parley: their name and initials, and their settings, as the core keeps them (profile.get /
// profile.set / settings.set), read once at start and after each change. Not case data: locking the app leaves it,
// as it leaves the theme. The date format applies to dates.ts as soon as it is known.
import { create } from 'zustand';
import { DEFAULT_SETTINGS, type ProfileInfo, type Settings } from '../../shared/profile.js';
import { messageOf } from '../api/client.js';
import { api } from '../services.js';
import { localZone, setDayFormat } from '../ui/dates.js';

interface ProfileState {
  info: ProfileInfo | null;
  /** Why reading it failed, if it did. */
  error: string | null;
  /** "Who are you?" was put off for now (until Parley starts again). */
  askLater: boolean;
  /** The dialog that changes the name is open. */
  dialogOpen: boolean;
  load(): Promise<void>;
  /** Sets the name (and initials; empty: made from the name). Throws the core's refusal (an ApiFailure). */
  save(displayName: string, initials: string): Promise<ProfileInfo>;
  /** Changes the settings given. Throws the core's refusal (an ApiFailure). */
  saveSettings(changes: Partial<Settings>): Promise<ProfileInfo>;
  putOff(): void;
  openDialog(): void;
  closeDialog(): void;
}

export const useProfile = create<ProfileState>()((set) => {
  const got = (info: ProfileInfo): ProfileInfo => {
    setDayFormat(info.settings.dateFormat);
    set({ info, error: null });
    return info;
  };
  return {
  info: null,
  error: null,
  askLater: false,
  dialogOpen: false,
  async load() {
    try {
      got(await api().call('profile.get', {}));
    } catch (err) {
      set({ error: messageOf(err) });
    }
  },
  save: async (displayName, initials) => got(await api().call('profile.set', { displayName, initials: initials.trim() === '' ? null : initials })),
  saveSettings: async (changes) => got(await api().call('settings.set', changes)),
  putOff: () => set({ askLater: true }),
  openDialog: () => set({ dialogOpen: true }),
  closeDialog: () => set({ dialogOpen: false }),
  };
});

/** The person's settings; the defaults until the profile has been read. */
export const useSettings = (): Settings => useProfile((s) => s.info?.settings ?? DEFAULT_SETTINGS);

/** The zone a new timed deadline or meeting starts in: the one chosen in Settings, else the computer's. */
export const defaultTimeZone = (): string => useProfile.getState().info?.settings.timeZone ?? localZone();

/** Opens the dialog that changes your name (the sidebar, the palette). */
export const openProfileDialog = () => useProfile.getState().openDialog();

/**
 * Whether to ask "Who are you?": no name set yet, none given for this run (--as), and not put off. A profile file
 * that could not be read counts as no name: the question says why it is asked again.
 */
export function shouldAskWhoYouAre(s: Pick<ProfileState, 'info' | 'askLater'>): boolean {
  return s.info !== null && s.info.profile === null && s.info.nameForThisRun === null && !s.askLater;
}
