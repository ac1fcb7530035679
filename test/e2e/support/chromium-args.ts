// The flags Chromium needs on this kind of machine (shared/guide/TOOLCHAIN.md): root in a container, no GPU, never
// online. Their own file, free of Playwright imports, so that the UI benchmark (bench/ui.ts) launches the same way.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';
