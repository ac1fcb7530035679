// The preload runs in the sandbox, isolated from the page. It gives the page two objects of named functions:
// `window.parley` (the ParleyBridge over the contract) and `window.parleyDesktop` (shared/desktop.ts).
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge, createDesktopApi } from './api.js';

contextBridge.exposeInMainWorld('parley', createBridge(ipcRenderer));
contextBridge.exposeInMainWorld('parleyDesktop', createDesktopApi(ipcRenderer));
