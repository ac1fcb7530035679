// The person's profile: the name written as author of their changes, and their initials. One small JSON file in
// the app's data folder (profile.json), written atomically (temp, fsync, rename) and checked when read. A file that
// cannot be read leaves Parley without a profile, saying why, and is kept as it is: setting a name moves it aside
// (profile.json.unreadable-<time>) rather than writing over it.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { displayNameSchema, initialsSchema, profileOf, type Profile } from '../../shared/profile.js';
import { fileError, fileSystemReason } from './errors.js';
import { writeFileAtomic } from './files.js';

export const PROFILE_FILE = 'profile.json';
const FORMAT = 'parley-profile';
const VERSION = 1;

const StoredProfile = z.object({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  displayName: displayNameSchema,
  initials: initialsSchema.nullable().optional(),
});

export interface ProfileState {
  profile: Profile | null;
  /** Why the file could not be read, in words; null when it was read or is not there. */
  problem: string | null;
}

const NO_PROFILE: ProfileState = { profile: null, problem: null };

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

  /** Writes the profile; `initials` null means "made from the name". An unreadable file is kept aside first. */
  write(displayName: string, initials: string | null): Profile {
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      if (this.read().problem !== null && fs.statSync(this.file, { throwIfNoEntry: false })?.isFile()) {
        fs.renameSync(this.file, `${this.file}.unreadable-${Date.now()}`);
      }
      const stored = { format: FORMAT, version: VERSION, displayName, ...(initials ? { initials } : {}) };
      writeFileAtomic(this.file, `${JSON.stringify(stored, null, 2)}\n`);
    } catch (err) {
      throw fileError(this.file, err);
    } finally {
      this.cached = null;
    }
    return profileOf(displayName, initials);
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
    return { profile: profileOf(result.data.displayName, result.data.initials), problem: null };
  }

  private unreadable(why: string): ProfileState {
    return {
      profile: null,
      problem: `Your name could not be read from ${this.file} (${why}). The file is kept as it is; setting your name again keeps it beside the new one.`,
    };
  }
}
