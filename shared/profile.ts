// Who the person using Parley is: the name written as author of their changes (records' createdBy and updatedBy,
// the audit trail's actor) and their initials. The rules are here so that the core (profile.set, the profile file)
// and the renderer (the form's limits and suggested initials) hold the same ones.
import { z } from 'zod';
import { HOLIDAY_CALENDARS, DEFAULT_HOLIDAY_CALENDAR_ID, holidayCalendarById } from './deadlines/calendars/index.js';
import { timeOfDay, timeZone } from './fields.js';

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
  /** The person's settings, each the one they chose or its default. */
  settings: Settings;
  /** A setting in the file could not be used (its default is used instead): which, and why, in words. Else null. */
  settingsProblem: string | null;
}

// The person's settings, kept beside their name: they follow the person, not a case.

/** How calendar dates are written on screen; the value is the date-fns pattern. */
export const DATE_FORMATS = [
  { id: 'd MMM yyyy', example: '7 Dec 2026' },
  { id: 'dd/MM/yyyy', example: '07/12/2026' },
  { id: 'MM/dd/yyyy', example: '12/07/2026' },
  { id: 'yyyy-MM-dd', example: '2026-12-07' },
] as const;
export type DateFormat = (typeof DATE_FORMATS)[number]['id'];

/** The idle times after which Parley locks itself, in minutes; 0 is "never" (locking on command only). */
export const LOCK_AFTER_CHOICES = [1, 5, 10, 15, 30, 60, 0] as const;

export interface Settings {
  /** The zone a new timed deadline or meeting starts in; null: the computer's own zone. */
  timeZone: string | null;
  dateFormat: DateFormat;
  /** The holiday calendar a new case counts business days over. */
  holidayCalendarId: string;
  /** Minutes without use before Parley locks; 0 for never. */
  lockAfterMinutes: number;
  /**
   * Hours in the computer's own time without desktop notifications ("from 20:00 to 07:00", across midnight when `from`
   * is the later time); reminders due then are shown together when they end. Null: off.
   */
  quietHours: QuietHours | null;
  /** The time of day (the computer's) of the one "Daily digest" notification; null: none. */
  digestAt: string | null;
  /** When the user last marked the dashboard's Today digest as read: its changes are counted from then. */
  digestReadAt: string | null;
}

export interface QuietHours {
  from: string;
  to: string;
}

export const DEFAULT_SETTINGS: Settings = {
  timeZone: null, dateFormat: 'd MMM yyyy', holidayCalendarId: DEFAULT_HOLIDAY_CALENDAR_ID, lockAfterMinutes: 15, quietHours: null, digestAt: '08:00', digestReadAt: null,
};

const listed = (items: readonly string[]) => items.map((item) => `"${item}"`).join(', ');

/** One schema per setting: a file's settings are checked one by one, so that one bad value spoils no other. */
export const SETTING_SCHEMAS = {
  timeZone: timeZone.nullable(),
  dateFormat: z.enum(DATE_FORMATS.map((f) => f.id) as [DateFormat, ...DateFormat[]], {
    error: `must be one of ${listed(DATE_FORMATS.map((f) => f.id))}`,
  }),
  holidayCalendarId: z.string().refine((id) => holidayCalendarById(id) !== undefined, {
    error: `must be one of the holiday calendars Parley has: ${listed(HOLIDAY_CALENDARS.map((c) => c.id))}`,
  }),
  lockAfterMinutes: z.number().refine((n) => (LOCK_AFTER_CHOICES as readonly number[]).includes(n), {
    error: `must be one of ${LOCK_AFTER_CHOICES.join(', ')} minutes (0 is never)`,
  }),
  quietHours: z
    .strictObject({ from: timeOfDay, to: timeOfDay })
    .refine((q) => q.from !== q.to, { error: 'must start and end at different times' })
    .nullable(),
  digestAt: timeOfDay.nullable(),
  digestReadAt: z.iso.datetime().nullable(),
} satisfies { [K in keyof Settings]: z.ZodType<Settings[K]> };

/** The settings' names in words, for messages. */
export const SETTING_LABELS: Record<keyof Settings, string> = {
  timeZone: 'default time zone',
  dateFormat: 'date format',
  holidayCalendarId: 'holiday calendar for new cases',
  lockAfterMinutes: 'lock when idle',
  quietHours: 'quiet hours',
  digestAt: 'time of the daily digest',
  digestReadAt: 'time the digest was last read',
};

/** What settings.set takes: the settings to change, one or more. */
export const settingsInputSchema = z
  .strictObject({
    timeZone: SETTING_SCHEMAS.timeZone.optional(),
    dateFormat: SETTING_SCHEMAS.dateFormat.optional(),
    holidayCalendarId: SETTING_SCHEMAS.holidayCalendarId.optional(),
    lockAfterMinutes: SETTING_SCHEMAS.lockAfterMinutes.optional(),
    quietHours: SETTING_SCHEMAS.quietHours.optional(),
    digestAt: SETTING_SCHEMAS.digestAt.optional(),
    digestReadAt: SETTING_SCHEMAS.digestReadAt.optional(),
  })
  .refine((changes) => Object.keys(changes).length > 0, { error: 'give at least one setting to change' });

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
