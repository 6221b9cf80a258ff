// The esbuild options every provider bundle shares (bundle.js, sea-bundle.js).
'use strict';

const path = require('node:path');

const REPO = path.join(__dirname, '..', '..');

function bundleOptions(entry) {
  return {
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // Module paths in the output (esbuild names each module) are relative to the repository.
    absWorkingDir: REPO,
    // Whitespace and syntax only: names stay readable in logged stack traces.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'eof',
    logLevel: 'warning',
  };
}

module.exports = { bundleOptions, REPO };
