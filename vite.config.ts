// Builds the renderer (renderer/) to dist/renderer: static files that the Electron shell serves through its own
// protocol and the browser harness serves over HTTP. Relative asset URLs work under either.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: path.join(root, 'renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: path.join(root, 'dist', 'renderer'),
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome130',
    // The CSP allows scripts from this origin only: no inline preload polyfill.
    modulePreload: { polyfill: false },
    // Keep assets as files: a data: URL for a script or a font would be refused by the CSP.
    assetsInlineLimit: 0,
  },
});
