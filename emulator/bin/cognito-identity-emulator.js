#!/usr/bin/env node
'use strict';
// Thin launcher: the emulator is compiled TypeScript (npm run build emits dist/).
const path = require('node:path');
const fs = require('node:fs');

const cli = path.join(__dirname, '..', '..', 'dist', 'emulator', 'src', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write(`cognito-identity-emulator: ${cli} not found; run "npm run build" first.\n`);
  process.exit(1);
}
require(cli)
  .main(process.argv.slice(2))
  .catch((err) => {
    process.stderr.write(`cognito-identity-emulator: ${err && err.message ? err.message : String(err)}\n`);
    process.exit(1);
  });
