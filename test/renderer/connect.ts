// The renderer's stores and hooks under test talk to the real core: window.parley (what the Electron preload
// exposes) is a bridge whose every call goes through the real dispatcher over a temporary data folder, each input
// and answer passed through JSON as the browser harness passes them. Nothing of the renderer is replaced.
import { bridgeFrom } from '../../shared/bridge.js';
import { connect } from '../../renderer/services.js';
import { resetCaseData } from '../../renderer/state/data.js';
import { useProfile } from '../../renderer/state/profile.js';
import { setDayFormat } from '../../renderer/ui/dates.js';
import { DEFAULT_SETTINGS } from '../../shared/profile.js';
import { onCleanup, testApi, type TestApi } from '../helpers.js';

/** What a transport does to a value: only what JSON carries arrives. */
const overTheWire = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

/**
 * Connects the renderer (services.ts) to a fresh core, over a new folder or `dir` (one another session left);
 * returns that core's API for arranging and checking.
 */
export function connectRenderer(actor = 'Test Counsel', dir?: string): TestApi {
  const core = testApi(actor, dir);
  window.parley = bridgeFrom(async (name, input) => overTheWire(await core.rawAsync(name, overTheWire(input))));
  if (!connect()) throw new Error('The renderer did not connect to the bridge.');
  onCleanup(() => {
    // Whatever a test left in the stores (and the browser's storage) is not the next test's.
    resetCaseData();
    // The profile (and the date format it sets) is the person's, not case data: reset here for the next test.
    useProfile.setState(useProfile.getInitialState());
    setDayFormat(DEFAULT_SETTINGS.dateFormat);
    delete window.parley;
    localStorage.clear();
    sessionStorage.clear();
    window.location.hash = '';
  });
  return core;
}

/** Lets the promises already settled run their callbacks (a store's follow-up reads). */
export const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
