// @vitest-environment jsdom
// The renderer's profile store over the real core: read at start, saved through profile.set, a refusal kept as the
// core's per-field issues, and whether "Who are you?" is asked.
import { afterEach, describe, expect, it } from 'vitest';
import { ApiFailure } from '../../renderer/api/client.js';
import { shouldAskWhoYouAre, useProfile } from '../../renderer/state/profile.js';
import { draftOf } from '../../renderer/ui/profile/ProfileForm.js';
import { newCase } from '../helpers.js';
import { connectRenderer } from './connect.js';

const profile = () => useProfile.getState();
const initial = useProfile.getState();
afterEach(() => useProfile.setState(initial, true));

describe('the profile store', () => {
  it('asks who you are while no name is set, suggesting the account\'s, and not once one is', async () => {
    connectRenderer('dwhitfield');
    expect(shouldAskWhoYouAre(profile())).toBe(false); // not read yet
    await profile().load();
    expect(profile().info).toMatchObject({ profile: null, fallbackName: 'dwhitfield', actor: 'dwhitfield' });
    expect(shouldAskWhoYouAre(profile())).toBe(true);
    expect(draftOf(profile().info)).toEqual({ displayName: 'dwhitfield', initials: '' });

    const info = await profile().save('Dana Whitfield', '  ');
    expect(info.profile).toEqual({ displayName: 'Dana Whitfield', initials: 'DW', initialsDerived: true });
    expect(profile().info).toEqual(info);
    expect(shouldAskWhoYouAre(profile())).toBe(false);
    // Derived initials stay empty in the form, so that they keep following the name.
    expect(draftOf(profile().info)).toEqual({ displayName: 'Dana Whitfield', initials: '' });
  });

  it('saves the name that the next change is written under', async () => {
    const core = connectRenderer('dwhitfield');
    const { caseId } = newCase(core);
    await profile().save('Dana Whitfield', 'D.W.');
    expect(draftOf(profile().info)).toEqual({ displayName: 'Dana Whitfield', initials: 'D.W.' });
    expect(core.call('note.create', { caseId, fields: { body: 'They will reply by Friday.' } }).createdBy).toBe('Dana Whitfield');
  });

  it('gives the core\'s refusal with the field it concerns, and keeps the name as it was', async () => {
    connectRenderer('dwhitfield');
    await profile().load();
    const refusal = await profile().save('', '').catch((err: unknown) => err);
    expect(refusal).toBeInstanceOf(ApiFailure);
    expect((refusal as ApiFailure).issuesUnder('')).toEqual({ displayName: 'give a name: it cannot be empty' });
    expect(profile().info?.profile).toBeNull();
  });

  it('does not ask when the name is given for the run, or once put off', async () => {
    connectRenderer('dwhitfield');
    await profile().load();
    profile().putOff();
    expect(shouldAskWhoYouAre(profile())).toBe(false);
    expect(shouldAskWhoYouAre({ askLater: false, info: { ...profile().info!, nameForThisRun: 'Dana Whitfield' } })).toBe(false);
  });
});
