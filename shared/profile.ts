// Who the person using Parley is: the name written as author of their changes (records' createdBy and updatedBy,
// the audit trail's actor) and their initials. The rules are here so that the core (profile.set, the profile file)
// and the renderer (the form's limits and suggested initials) hold the same ones.
import { z } from 'zod';

export const MAX_DISPLAY_NAME_LENGTH = 80;
export const MAX_INITIALS_LENGTH = 4;

/** A person's profile as the core gives it: `initials` is what is shown, chosen or derived from the name. */
export interface Profile {
  displayName: string;
  initials: string;
  /** The initials were not chosen: they follow the name (and change with it). */
  initialsDerived: boolean;
}

/** profile.get: the profile if there is one, and the name changes are written under now. */
export interface ProfileInfo {
  profile: Profile | null;
  /** The name written when there is no profile: the computer account's (or the one the app was started with). */
  fallbackName: string;
  /** A name given for this run (the command line's --as) that wins over the profile; null when none was. */
  nameForThisRun: string | null;
  /** The name the next change is written under. */
  actor: string;
  /** The profile file could not be read (it is kept as it is until a name is set): why, in words. Else null. */
  problem: string | null;
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;
const characters = (text: string) => Array.from(text).length;

export const displayNameSchema = z
  .string()
  .trim()
  .min(1, 'give a name: it cannot be empty')
  .refine((name) => characters(name) <= MAX_DISPLAY_NAME_LENGTH, `must be at most ${MAX_DISPLAY_NAME_LENGTH} characters`)
  .refine((name) => !CONTROL.test(name), 'must be on one line, without tabs or other control characters');

export const initialsSchema = z
  .string()
  .trim()
  .min(1, `must be 1 to ${MAX_INITIALS_LENGTH} characters; leave them out to have them made from the name`)
  .refine((text) => characters(text) <= MAX_INITIALS_LENGTH, `must be at most ${MAX_INITIALS_LENGTH} characters`)
  .refine((text) => !/\s/u.test(text) && !CONTROL.test(text), 'must not contain spaces or control characters');

/** What profile.set takes: a name, and initials if the person chooses their own (null: made from the name). */
export const profileInputSchema = z.strictObject({
  displayName: displayNameSchema,
  initials: initialsSchema.nullable().optional(),
});

/**
 * Initials made from a name: the first letter of its first word and of its last ("Dana Whitfield" gives "DW",
 * "María José de la Fuente" "MF", "Cher" "C"), in capitals. Words are split at spaces and hyphens; a word without
 * a letter counts with its first character only when the name has no letters at all.
 */
export function deriveInitials(name: string): string {
  const words = name.trim().split(/[\s\-‐-―]+/u).filter(Boolean);
  const lead = (word: string) => Array.from(word).find((c) => /\p{L}/u.test(c));
  const lettered = words.map(lead).filter((c): c is string => c !== undefined);
  const picked = lettered.length === 0 ? [Array.from(words[0] ?? '?')[0] ?? '?'] : lettered.length === 1 ? lettered : [lettered[0]!, lettered.at(-1)!];
  return picked.join('').toLocaleUpperCase();
}

/** The profile as shown: the chosen initials, or those made from the name. */
export function profileOf(displayName: string, initials: string | null | undefined): Profile {
  return initials ? { displayName, initials, initialsDerived: false } : { displayName, initials: deriveInitials(displayName), initialsDerived: true };
}
