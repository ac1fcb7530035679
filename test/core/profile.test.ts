// Who is using Parley: the profile kept in the data folder (profile.json), profile.get and profile.set through the
// real dispatcher, and the name each change is written under: the name given for the run (--as), else the
// profile's, else the account's.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run.js';
import { Session } from '../../electron/core/session.js';
import { DEFAULT_SETTINGS, deriveInitials } from '../../shared/profile.js';
import { newCase, onCleanup, tempDir, testApi, type TestApi } from '../helpers.js';

const profileFile = (api: TestApi) => path.join(api.dir, 'data', 'profile.json');
const lastEntry = (api: TestApi, caseId: string, id: string) => api.call('record.history', { caseId, id }).at(-1)!;

describe('the profile', () => {
  it('is absent at first: changes are written under the account\'s name, and profile.get says so', () => {
    const api = testApi('counsel');
    expect(api.call('profile.get', {})).toEqual({
      profile: null, problem: null, settings: DEFAULT_SETTINGS, settingsProblem: null, fallbackName: 'counsel', nameForThisRun: null, actor: 'counsel',
    });
    expect(fs.existsSync(profileFile(api))).toBe(false);
  });

  it('is written to the data folder and read back by the next session, the name trimmed, initials made from it', () => {
    const api = testApi('counsel');
    const set = api.call('profile.set', { displayName: '  Dana Whitfield ' });
    expect(set).toEqual({
      profile: { displayName: 'Dana Whitfield', initials: 'DW', initialsDerived: true },
      problem: null, settings: DEFAULT_SETTINGS, settingsProblem: null, fallbackName: 'counsel', nameForThisRun: null, actor: 'Dana Whitfield',
    });
    expect(JSON.parse(fs.readFileSync(profileFile(api), 'utf8'))).toEqual({ format: 'parley-profile', version: 1, displayName: 'Dana Whitfield' });
    // No temporary file is left beside it.
    expect(fs.readdirSync(path.dirname(profileFile(api))).filter((f) => f.includes('profile'))).toEqual(['profile.json']);

    const again = testApi('counsel', api.dir);
    expect(again.call('profile.get', {}).profile).toEqual({ displayName: 'Dana Whitfield', initials: 'DW', initialsDerived: true });

    again.call('profile.set', { displayName: 'Dana Whitfield', initials: 'D.W.' });
    expect(api.call('profile.get', {}).profile).toEqual({ displayName: 'Dana Whitfield', initials: 'D.W.', initialsDerived: false });
    // null goes back to initials made from the name.
    expect(api.call('profile.set', { displayName: 'Ana María López', initials: null }).profile).toEqual({ displayName: 'Ana María López', initials: 'AL', initialsDerived: true });
  });

  it('makes initials from the first and last words of a name, in capitals', () => {
    expect(deriveInitials('Dana Whitfield')).toBe('DW');
    expect(deriveInitials('jean-luc picard')).toBe('JP');
    expect(deriveInitials('Cher')).toBe('C');
    expect(deriveInitials('María José de la Fuente')).toBe('MF');
    expect(deriveInitials('(Dana) Whitfield')).toBe('DW');
    expect(deriveInitials('Ødegaard Ærø')).toBe('ØÆ');
    expect(deriveInitials('007')).toBe('0');
  });

  it.each([
    ['an empty name', { displayName: '   ' }, 'displayName', /^Display name: give a name: it cannot be empty\.$/],
    ['a name of 81 characters', { displayName: 'x'.repeat(81) }, 'displayName', /^The display name must be at most 80 characters\.$/],
    ['a name on two lines', { displayName: 'Dana\nWhitfield' }, 'displayName', /^The display name must be on one line/],
    ['no name', { initials: 'DW' }, 'displayName', /^The display name is missing\.$/],
    ['initials of 5 characters', { displayName: 'Dana Whitfield', initials: 'DAWHI' }, 'initials', /^The initials must be at most 4 characters\.$/],
    ['empty initials', { displayName: 'Dana Whitfield', initials: ' ' }, 'initials', /^The initials must be 1 to 4 characters; leave them out/],
    ['initials with a space', { displayName: 'Dana Whitfield', initials: 'D W' }, 'initials', /^The initials must not contain spaces/],
    ['an unknown key', { displayName: 'Dana Whitfield', email: 'dana@example.com' }, '', /^There is no field called “email” here\.$/],
  ])('refuses %s with a message that says what is wrong, and writes nothing', (_label, input, at, message) => {
    const api = testApi('counsel');
    const error = api.fail('profile.set', input, 'invalid_input');
    expect(error.message).toMatch(message);
    expect(error.issues?.map((i) => i.path)).toContain(at);
    expect(fs.existsSync(profileFile(api))).toBe(false);
    expect(api.session.actor).toBe('counsel');
  });

  it('counts characters, not UTF-16 units: 80 letters outside the basic plane are a name, four emoji are initials', () => {
    const api = testApi('counsel');
    expect(api.call('profile.set', { displayName: '𝒟'.repeat(80), initials: '🙂🙂🙂🙂' }).profile?.initials).toBe('🙂🙂🙂🙂');
  });

  it.each([
    ['not JSON', '{"format": "parley-profile", "version": 1, "displayName": "Dana', /not valid JSON/],
    ['a name that is not one', JSON.stringify({ format: 'parley-profile', version: 1, displayName: '' }), /displayName: give a name/],
    ['written by a newer Parley', JSON.stringify({ format: 'parley-profile', version: 2, displayName: 'Dana Whitfield' }), /written by a newer Parley/],
    ['another file altogether', JSON.stringify({ files: [] }), /format/],
  ])('that cannot be read (%s) leaves no profile, says why, and is kept until a name is set', (_label, content, why) => {
    const api = testApi('counsel');
    fs.mkdirSync(path.dirname(profileFile(api)), { recursive: true });
    fs.writeFileSync(profileFile(api), content);
    const info = api.call('profile.get', {});
    expect(info).toMatchObject({ profile: null, actor: 'counsel', fallbackName: 'counsel' });
    expect(info.problem).toContain(profileFile(api));
    expect(info.problem).toMatch(why);
    expect(info.problem).toMatch(/kept as it is/);
    // Reading it, and writing under the fallback name meanwhile, leave it as it was.
    const { caseId } = newCase(api);
    const note = api.call('note.create', { caseId, fields: { body: 'They will reply by Friday.' } });
    expect(note.createdBy).toBe('counsel');
    expect(fs.readFileSync(profileFile(api), 'utf8')).toBe(content);

    api.call('profile.set', { displayName: 'Dana Whitfield' });
    const folder = fs.readdirSync(path.dirname(profileFile(api)));
    const keptAside = folder.filter((f) => f.startsWith('profile.json.unreadable-'));
    expect(keptAside).toHaveLength(1);
    expect(fs.readFileSync(path.join(path.dirname(profileFile(api)), keptAside[0]!), 'utf8')).toBe(content);
    expect(api.call('profile.get', {})).toMatchObject({ profile: { displayName: 'Dana Whitfield' }, problem: null, actor: 'Dana Whitfield' });
  });

  it('that cannot be written is refused naming the file, and the name stays as it was', () => {
    const api = testApi('counsel');
    fs.mkdirSync(profileFile(api), { recursive: true }); // a folder where the file should be
    expect(api.call('profile.get', {}).problem).toMatch(/it is a folder/);
    const error = api.fail('profile.set', { displayName: 'Dana Whitfield' }, 'invalid_input');
    expect(error.message).toBe(`${profileFile(api)} cannot be used: it is a folder.`);
    expect(fs.statSync(profileFile(api)).isDirectory()).toBe(true);
    expect(api.session.actor).toBe('counsel');
  });
});

describe('the name changes are written under', () => {
  it('is the profile\'s from the next change on, without starting again', () => {
    const api = testApi('counsel');
    const { caseId } = newCase(api);
    const note = api.call('note.create', { caseId, fields: { body: 'They will reply by Friday.' } });
    expect(lastEntry(api, caseId, note.id).actor).toBe('counsel');

    api.call('profile.set', { displayName: 'Dana Whitfield' });
    const updated = api.call('note.update', { caseId, id: note.id, changes: { body: 'They replied on Thursday.' }, expectedVersion: 1 });
    expect(updated).toMatchObject({ createdBy: 'counsel', updatedBy: 'Dana Whitfield' });
    expect(lastEntry(api, caseId, note.id)).toMatchObject({ operation: 'update', actor: 'Dana Whitfield' });

    api.call('profile.set', { displayName: 'Dana Whitfield-Moore' });
    api.call('note.delete', { caseId, id: note.id, expectedVersion: 2 });
    expect(lastEntry(api, caseId, note.id)).toMatchObject({ operation: 'delete', actor: 'Dana Whitfield-Moore' });
    // The trail still verifies: a name is data in the entry, chained like the rest.
    expect(api.call('case.verify', { caseId }).ok).toBe(true);
  });

  it('follows a name set in another window over the same data folder', () => {
    const api = testApi('counsel');
    const other = testApi('counsel', api.dir);
    const { caseId } = newCase(api);
    expect(api.session.actor).toBe('counsel');
    other.call('profile.set', { displayName: 'Dana Whitfield' });
    const note = api.call('note.create', { caseId, fields: { body: 'They will reply by Friday.' } });
    expect(note.createdBy).toBe('Dana Whitfield');
  });

  it('is the name given for the run, whatever the profile says', () => {
    const dir = tempDir();
    const session = new Session({ dataDir: path.join(dir, 'data'), actor: 'counsel', actorForRun: 'Robot Importer' });
    onCleanup(() => session.closeAll());
    session.setProfile('Dana Whitfield', null);
    expect(session.profileInfo()).toMatchObject({ profile: { displayName: 'Dana Whitfield' }, nameForThisRun: 'Robot Importer', actor: 'Robot Importer' });
  });
});

describe('the command line', () => {
  /** Runs `parley` in this process, its library in `data`; returns the exit code and what it printed. */
  async function parley(args: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(args, {
      stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), readStdin: () => '', readSecret: () => null, stdoutIsTty: false, env: {},
    });
    return { code, stdout, stderr };
  }

  it('writes under the profile\'s name, and under --as when given, which wins for that run only', async () => {
    const api = testApi('counsel');
    const data = path.join(api.dir, 'data');
    api.call('profile.set', { displayName: 'Dana Whitfield' });
    const { caseId, path: file } = newCase(api);
    api.call('case.close', { caseId });
    const input = JSON.stringify({ fields: { body: 'They will reply by Friday.' } });

    const byProfile = await parley(['call', file, 'note.create', '--data', data, '--input', input]);
    expect(byProfile.stderr).toBe('');
    expect(JSON.parse(byProfile.stdout)).toMatchObject({ createdBy: 'Dana Whitfield' });

    const byAs = await parley(['call', file, 'note.create', '--data', data, '--as', 'Import Robot', '--input', input]);
    expect(byAs.stderr).toBe('');
    expect(JSON.parse(byAs.stdout)).toMatchObject({ createdBy: 'Import Robot' });
    // --as changes nothing of the profile.
    expect(api.call('profile.get', {}).profile?.displayName).toBe('Dana Whitfield');
  });
});

describe('the settings', () => {
  const stored = (api: TestApi) => JSON.parse(fs.readFileSync(profileFile(api), 'utf8')) as Record<string, unknown>;

  it('are kept in the profile file beside the name, only those chosen, and read back by the next session', () => {
    const api = testApi('counsel');
    // Chosen before any name: the file holds the settings alone, and there is still no profile.
    const first = api.call('settings.set', { timeZone: 'Europe/Paris' });
    expect(first).toMatchObject({ profile: null, settings: { ...DEFAULT_SETTINGS, timeZone: 'Europe/Paris' }, settingsProblem: null });
    expect(stored(api)).toEqual({ format: 'parley-profile', version: 1, settings: { timeZone: 'Europe/Paris' } });

    api.call('profile.set', { displayName: 'Dana Whitfield' });
    api.call('settings.set', { dateFormat: 'dd/MM/yyyy', lockAfterMinutes: 5, holidayCalendarId: 'us-federal-dc-area' });
    expect(stored(api)).toEqual({
      format: 'parley-profile', version: 1, displayName: 'Dana Whitfield',
      settings: { timeZone: 'Europe/Paris', dateFormat: 'dd/MM/yyyy', lockAfterMinutes: 5, holidayCalendarId: 'us-federal-dc-area' },
    });
    // A name set again keeps the settings; null goes back to the computer's zone.
    api.call('profile.set', { displayName: 'Dana Whitfield-Moore', initials: 'DWM' });
    api.call('settings.set', { timeZone: null });
    const again = testApi('counsel', api.dir).call('profile.get', {});
    expect(again.profile).toEqual({ displayName: 'Dana Whitfield-Moore', initials: 'DWM', initialsDerived: false });
    expect(again.settings).toEqual({ timeZone: null, dateFormat: 'dd/MM/yyyy', lockAfterMinutes: 5, holidayCalendarId: 'us-federal-dc-area', quietHours: null, digestAt: '08:00', digestReadAt: null });
  });

  it.each([
    [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone', /IANA time zone/],
    [{ dateFormat: 'yyyy.MM.dd' }, 'dateFormat', /must be one of "d MMM yyyy"/],
    [{ holidayCalendarId: 'uk-england' }, 'holidayCalendarId', /holiday calendars Parley has: "us-federal"/],
    [{ lockAfterMinutes: 7 }, 'lockAfterMinutes', /must be one of 1, 5, 10, 15, 30, 60, 0 minutes/],
    [{}, '', /at least one setting/],
    [{ theme: 'dark' }, '', /theme/],
  ])('refuse %j in plain words and change nothing', (input, at, why) => {
    const api = testApi('counsel');
    api.call('settings.set', { dateFormat: 'yyyy-MM-dd' });
    const before = fs.readFileSync(profileFile(api), 'utf8');
    const error = api.fail('settings.set', input, 'invalid_input');
    expect(error.issues?.map((i) => i.path)).toContain(at);
    expect(error.message).toMatch(why);
    expect(error.message).toMatch(/^[A-Z].*\.$/s);
    expect(fs.readFileSync(profileFile(api), 'utf8')).toBe(before);
  });

  it('that the file holds but cannot be used fall back to their defaults one by one, saying which and why', () => {
    const api = testApi('counsel');
    fs.mkdirSync(path.dirname(profileFile(api)), { recursive: true });
    // Written by hand or by another computer: a zone this one does not know, a date format Parley has not; the
    // name and the good setting still count, and a setting of a newer Parley is left alone.
    fs.writeFileSync(profileFile(api), JSON.stringify({
      format: 'parley-profile', version: 1, displayName: 'Dana Whitfield',
      settings: { timeZone: 'Atlantis/Capital', dateFormat: 42, lockAfterMinutes: 30, fontSize: 'large' },
    }));
    const info = api.call('profile.get', {});
    expect(info.profile?.displayName).toBe('Dana Whitfield');
    expect(info.problem).toBeNull();
    expect(info.settings).toEqual({ ...DEFAULT_SETTINGS, lockAfterMinutes: 30 });
    expect(info.settingsProblem).toContain(profileFile(api));
    expect(info.settingsProblem).toMatch(/the default time zone must be an IANA time zone/);
    expect(info.settingsProblem).toMatch(/the date format must be one of/);
    expect(info.settingsProblem).not.toMatch(/fontSize|lock/);

    // Choosing again mends it; the setting of a newer Parley goes, as it was never in use here.
    const mended = api.call('settings.set', { timeZone: 'Asia/Tokyo', dateFormat: 'd MMM yyyy' });
    expect(mended.settingsProblem).toBeNull();
    expect(stored(api)).toMatchObject({ displayName: 'Dana Whitfield', settings: { timeZone: 'Asia/Tokyo', dateFormat: 'd MMM yyyy', lockAfterMinutes: 30 } });
  });

  it('in a file that is not a profile at all are the defaults; choosing one keeps that file aside', () => {
    const api = testApi('counsel');
    fs.mkdirSync(path.dirname(profileFile(api)), { recursive: true });
    const foreign = JSON.stringify({ theme: 'solarized', recent: ['a.txt'] });
    fs.writeFileSync(profileFile(api), foreign);
    const info = api.call('profile.get', {});
    expect(info.settings).toEqual(DEFAULT_SETTINGS);
    expect(info.problem).toMatch(/kept as it is/);
    api.call('settings.set', { lockAfterMinutes: 60 });
    const folder = fs.readdirSync(path.dirname(profileFile(api)));
    const aside = folder.find((f) => f.startsWith('profile.json.unreadable-'))!;
    expect(fs.readFileSync(path.join(path.dirname(profileFile(api)), aside), 'utf8')).toBe(foreign);
    expect(api.call('profile.get', {})).toMatchObject({ problem: null, settings: { ...DEFAULT_SETTINGS, lockAfterMinutes: 60 } });
  });

  it('give a new case the chosen holiday calendar, unless the new case names its own', () => {
    const api = testApi('counsel');
    const create = (name: string, directive: Record<string, unknown> = {}) => {
      const { caseId } = api.call('case.create', { path: path.join(api.dir, name), directive: { title: 'Export-control suspension order', status: 'received', ...directive } });
      return api.call('directive.get', { caseId }).holidayCalendarId;
    };
    expect(create('before.parley')).toBeNull();
    api.call('settings.set', { holidayCalendarId: 'us-federal-dc-area' });
    expect(create('after.parley')).toBe('us-federal-dc-area');
    expect(create('own.parley', { holidayCalendarId: 'us-federal' })).toBe('us-federal');
  });
});
