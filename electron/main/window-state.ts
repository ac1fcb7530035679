// The main window's size and position, remembered between runs in a small JSON file in the app's data folder. A
// missing or unreadable file, or a position on a display that is no longer attached, falls back to a centred window.
import fs from 'node:fs';
import path from 'node:path';
import type { Rectangle } from 'electron';
import { z } from 'zod';
import { writeFileAtomic } from '../core/files.js';

export const WINDOW_STATE_FILE = 'window-state.json';
export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;
export const MIN_SIZE = { width: 720, height: 480 } as const;

const StoredState = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(MIN_SIZE.width).max(100_000),
  height: z.number().int().min(MIN_SIZE.height).max(100_000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof StoredState>;

export const DEFAULT_WINDOW_STATE: WindowState = { ...DEFAULT_SIZE, maximized: false };

export function readWindowState(dataDir: string): WindowState {
  try {
    const parsed = StoredState.safeParse(JSON.parse(fs.readFileSync(path.join(dataDir, WINDOW_STATE_FILE), 'utf8')));
    return parsed.success ? parsed.data : DEFAULT_WINDOW_STATE;
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

export function writeWindowState(dataDir: string, state: WindowState): void {
  fs.mkdirSync(dataDir, { recursive: true });
  writeFileAtomic(path.join(dataDir, WINDOW_STATE_FILE), `${JSON.stringify(state, null, 2)}\n`);
}

/** What to remember of a window: its bounds when not maximized, and whether it is maximized. */
export function stateOfWindow(normalBounds: Rectangle, maximized: boolean): WindowState {
  return { x: normalBounds.x, y: normalBounds.y, width: normalBounds.width, height: normalBounds.height, maximized };
}

/** Keeps the position only if enough of the window's title bar would lie on an attached display to grab it. */
export function placeOnDisplays(state: WindowState, workAreas: readonly Rectangle[]): WindowState {
  if (state.x === undefined || state.y === undefined) return state;
  const titleBar = { x: state.x, y: state.y, width: state.width, height: 32 };
  const visible = workAreas.some((area) => overlap(titleBar, area) >= Math.min(100, state.width) * 16);
  if (visible) return state;
  const { x: _x, y: _y, ...size } = state;
  return size;
}

function overlap(a: Rectangle, b: Rectangle): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}
