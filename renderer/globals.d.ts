// What the Electron preload puts on window. In a plain browser neither exists.
import type { ParleyBridge } from '../shared/bridge.js';
import type { ParleyDesktop } from '../shared/desktop.js';

declare global {
  interface Window {
    parley?: ParleyBridge;
    parleyDesktop?: ParleyDesktop;
  }
}
