// The window's size and position, remembered in the data folder.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_STATE, WINDOW_STATE_FILE, placeOnDisplays, readWindowState, stateOfWindow, writeWindowState,
} from '../../electron/main/window-state.js';
import { tempDir } from '../helpers.js';

const display = { x: 0, y: 0, width: 1920, height: 1080 };

describe('the remembered window state', () => {
  it('round-trips through the data folder, leaving no temporary files', () => {
    const dir = path.join(tempDir(), 'Parley');
    const state = stateOfWindow({ x: 40, y: 60, width: 1400, height: 900 }, true);
    writeWindowState(dir, state);
    expect(readWindowState(dir)).toEqual({ x: 40, y: 60, width: 1400, height: 900, maximized: true });
    expect(fs.readdirSync(dir)).toEqual([WINDOW_STATE_FILE]);
  });

  it('falls back to the default when the file is missing, unreadable or nonsense', () => {
    const dir = tempDir();
    expect(readWindowState(dir)).toEqual(DEFAULT_WINDOW_STATE);
    fs.writeFileSync(path.join(dir, WINDOW_STATE_FILE), '{"width": 1400, "hei');
    expect(readWindowState(dir)).toEqual(DEFAULT_WINDOW_STATE);
    fs.writeFileSync(path.join(dir, WINDOW_STATE_FILE), JSON.stringify({ width: 10, height: 10, maximized: false }));
    expect(readWindowState(dir)).toEqual(DEFAULT_WINDOW_STATE);
    fs.writeFileSync(path.join(dir, WINDOW_STATE_FILE), JSON.stringify({ width: 'wide', height: 900, maximized: false }));
    expect(readWindowState(dir)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('keeps a position that is on an attached display', () => {
    const state = { x: 100, y: 100, width: 1200, height: 800, maximized: false };
    expect(placeOnDisplays(state, [display])).toEqual(state);
  });

  it('forgets a position on a display that is gone, keeping the size', () => {
    const state = { x: 2500, y: 100, width: 1200, height: 800, maximized: false };
    expect(placeOnDisplays(state, [display])).toEqual({ width: 1200, height: 800, maximized: false });
    expect(placeOnDisplays({ ...state, x: 100, y: -500 }, [display])).toEqual({ width: 1200, height: 800, maximized: false });
  });

  it('keeps a position on a second display', () => {
    const state = { x: 2500, y: 100, width: 1200, height: 800, maximized: false };
    expect(placeOnDisplays(state, [display, { x: 1920, y: 0, width: 2560, height: 1440 }])).toEqual(state);
  });
});
