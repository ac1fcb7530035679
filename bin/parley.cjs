#!/usr/bin/env node
// The `parley` command. The TypeScript sources are bundled by `npm install` (prepare) or `npm run build`.
const path = require('node:path');
const fs = require('node:fs');
const bundle = path.join(__dirname, '..', 'dist', 'cli', 'parley.cjs');
if (!fs.existsSync(bundle)) {
  process.stderr.write('parley: the command line is not built yet; run `npm run build` in the Parley folder first.\n');
  process.exit(2);
}
require(bundle);
