// Who is using Parley: their name and initials as the core keeps them (profile.get / profile.set), read once at
// start and after each change. Not case data: locking the app leaves it, as it leaves the theme.
import { create } from 'zustand';
import type { ProfileInfo } from '../../shared/profile.js';
import { messageOf } from '../api/client.js';
import { api } from '../services.js';

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
  putOff(): void;
  openDialog(): void;
  closeDialog(): void;
}

export const useProfile = create<ProfileState>()((set) => ({
  info: null,
  error: null,
  askLater: false,
  dialogOpen: false,
  async load() {
    try {
      set({ info: await api().call('profile.get', {}), error: null });
    } catch (err) {
      set({ error: messageOf(err) });
    }
  },
  async save(displayName, initials) {
    const info = await api().call('profile.set', { displayName, initials: initials.trim() === '' ? null : initials });
    set({ info, error: null });
    return info;
  },
  putOff: () => set({ askLater: true }),
  openDialog: () => set({ dialogOpen: true }),
  closeDialog: () => set({ dialogOpen: false }),
}));

/** Opens the dialog that changes your name (the sidebar, the palette). */
export const openProfileDialog = () => useProfile.getState().openDialog();

/**
 * Whether to ask "Who are you?": no name set yet, none given for this run (--as), and not put off. A profile file
 * that could not be read counts as no name: the question says why it is asked again.
 */
export function shouldAskWhoYouAre(s: Pick<ProfileState, 'info' | 'askLater'>): boolean {
  return s.info !== null && s.info.profile === null && s.info.nameForThisRun === null && !s.askLater;
}
