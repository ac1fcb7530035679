// The person's profile: the name written as author of their changes, their initials, and their settings (default
// time zone, date format, holiday calendar for new cases, lock timing). One small JSON file in
// the app's data folder (profile.json), written atomically (temp, fsync, rename) and checked when read. A file that
// cannot be read leaves Parley without a profile, saying why, and is kept as it is: setting a name moves it aside
// (profile.json.unreadable-<time>) rather than writing over it. A setting the file holds that cannot be used (a time
// zone this computer does not know, a value another program wrote) spoils nothing else: its default is used, and
// the profile says which and why until the setting is chosen again.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import {
  DEFAULT_SETTINGS, SETTING_LABELS, SETTING_SCHEMAS, displayNameSchema, initialsSchema, profileOf, type Profile, type Settings,
} from '../../shared/profile.js';
import { fileError, fileSystemReason } from './errors.js';
import { writeFileAtomic } from './files.js';

export const PROFILE_FILE = 'profile.json';
const FORMAT = 'parley-profile';
const VERSION = 1;

const StoredProfile = z.object({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  // Absent when only settings were chosen, before any name.
  displayName: displayNameSchema.optional(),
  initials: initialsSchema.nullable().optional(),
  /** Only the settings chosen; each is checked on its own (readSettings). */
  settings: z.record(z.string(), z.unknown()).optional(),
});
type Stored = z.infer<typeof StoredProfile>;

export interface ProfileState {
  profile: Profile | null;
  /** Why the file could not be read, in words; null when it was read or is not there. */
  problem: string | null;
  settings: Settings;
  /** Which settings could not be used, and why; null when all could. */
  settingsProblem: string | null;
}

const NO_PROFILE: ProfileState = { profile: null, problem: null, settings: DEFAULT_SETTINGS, settingsProblem: null };

export class ProfileFile {
  readonly file: string;
  /** The state last read, with the file's identity then: read again only when the file has changed. */
  private cached: { stamp: string; state: ProfileState } | null = null;

  constructor(readonly dir: string) {
    this.file = path.join(dir, PROFILE_FILE);
  }

  /**
   * The profile as the file holds it now. The file is looked at (not read) on each call, so that a name set
   * elsewhere (another window, the command line) is the one the next change is written under.
   */
  read(): ProfileState {
    const stamp = this.stamp();
    if (this.cached?.stamp === stamp) return this.cached.state;
    const state = this.load();
    this.cached = { stamp, state };
    return state;
  }

  /** Writes the profile; `initials` null means "made from the name". The settings stay. An unreadable file is kept aside first. */
  write(displayName: string, initials: string | null): Profile {
    const { initials: _replaced, ...kept } = this.storedNow();
    this.save({ ...kept, displayName, ...(initials ? { initials } : {}) });
    return profileOf(displayName, initials);
  }

  /** Changes the settings given (already checked by settings.set's schema); the name and the other settings stay. */
  writeSettings(changes: Partial<Settings>): Settings {
    const stored = this.storedNow();
    const chosen = { ...this.usableSettings(stored.settings).chosen, ...changes };
    this.save({ ...stored, settings: chosen });
    return { ...DEFAULT_SETTINGS, ...chosen };
  }

  /** What the file holds now, to write again with a change: nothing from a file that could not be read. */
  private storedNow(): Omit<Stored, 'format' | 'version'> {
    if (this.read().problem !== null) return {};
    try {
      const { format: _f, version: _v, ...rest } = StoredProfile.parse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
      return rest;
    } catch (err) {
      if ((err as { code?: unknown }).code === 'ENOENT') return {};
      throw fileError(this.file, err);
    }
  }

  private save(fields: Omit<Stored, 'format' | 'version'>): void {
    const { settings, ...rest } = fields;
    const stored = { format: FORMAT, version: VERSION, ...rest, ...(settings && Object.keys(settings).length > 0 ? { settings } : {}) };
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      if (this.read().problem !== null && fs.statSync(this.file, { throwIfNoEntry: false })?.isFile()) {
        fs.renameSync(this.file, `${this.file}.unreadable-${Date.now()}`);
      }
      writeFileAtomic(this.file, `${JSON.stringify(stored, null, 2)}\n`);
    } catch (err) {
      throw fileError(this.file, err);
    } finally {
      this.cached = null;
    }
  }

  /** The settings a file holds that can be used, and what is wrong with the others, in words. */
  private usableSettings(stored: Record<string, unknown> | undefined): { chosen: Partial<Settings>; problems: string[] } {
    const chosen: Partial<Settings> = {};
    const problems: string[] = [];
    for (const [name, value] of Object.entries(stored ?? {})) {
      if (!Object.hasOwn(SETTING_SCHEMAS, name)) continue; // a setting of a newer Parley: kept out of use, not an error
      const key = name as keyof Settings;
      const result = SETTING_SCHEMAS[key].safeParse(value);
      if (result.success) Object.assign(chosen, { [key]: result.data });
      else problems.push(`the ${SETTING_LABELS[key]} ${result.error.issues[0]!.message}`);
    }
    return { chosen, problems };
  }

  private stamp(): string {
    try {
      const st = fs.statSync(this.file, { throwIfNoEntry: false });
      return st ? `${st.ino}:${st.size}:${st.mtimeMs}` : 'none';
    } catch (err) {
      return `unreadable:${String((err as { code?: unknown }).code)}`;
    }
  }

  private load(): ProfileState {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (err) {
      if ((err as { code?: unknown }).code === 'ENOENT') return NO_PROFILE;
      return this.unreadable(fileSystemReason(err) ?? 'the file could not be read');
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return this.unreadable('it is not a profile Parley wrote (not valid JSON)');
    }
    const result = StoredProfile.safeParse(parsed);
    if (!result.success) {
      const version = (parsed as { version?: unknown } | null)?.version;
      if (typeof version === 'number' && version > VERSION) return this.unreadable('it was written by a newer Parley');
      const issue = result.error.issues[0]!;
      return this.unreadable(`${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`);
    }
    const { chosen, problems } = this.usableSettings(result.data.settings);
    return {
      profile: result.data.displayName === undefined ? null : profileOf(result.data.displayName, result.data.initials),
      problem: null,
      settings: { ...DEFAULT_SETTINGS, ...chosen },
      settingsProblem: problems.length
        ? `Some of your settings in ${this.file} could not be used, so their defaults are used until you choose again: ${problems.join('; ')}.`
        : null,
    };
  }

  private unreadable(why: string): ProfileState {
    return {
      ...NO_PROFILE,
      problem: `Your name could not be read from ${this.file} (${why}). The file is kept as it is; choosing your name or a setting again keeps it beside the new one.`,
    };
  }
}
