#!/usr/bin/env node
// Run by `npm run build` after tsc: dist/bindings-cdktn/, the bindings for
// CDK Terrain (`cdktn`, the maintained continuation of cdktf), exported as
// `terraform-provider-cognitoidentity/cdktn`. The sources are the same;
// bindings/cdk.ts is the only module that imports the CDK library (a lint rule
// keeps it so), so only its output names `cdktf`, and only there is the name
// swapped. Constructs of one library cannot join the other's stacks, so each
// app imports the entry point of the library it uses.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const DIST = path.join(__dirname, '..', '..', 'dist');
const FROM = path.join(DIST, 'bindings');
const TO = path.join(DIST, 'bindings-cdktn');

/** The CDK module's compiled forms, with the library's name swapped; fails if the name is not where expected. */
const SWAPS = {
  'cdk.js': [/require\("cdktf"\)/g, 'require("cdktn")'],
  'cdk.d.ts': [/from 'cdktf'/g, "from 'cdktn'"],
};

function main() {
  fs.rmSync(TO, { recursive: true, force: true });
  fs.mkdirSync(TO, { recursive: true });
  for (const name of fs.readdirSync(FROM)) {
    if (name.endsWith('.map')) continue;
    let text = fs.readFileSync(path.join(FROM, name), 'utf8');
    const swap = SWAPS[name];
    if (swap) {
      const swapped = text.replace(swap[0], swap[1]);
      if (swapped === text) throw new Error(`${name}: no import of cdktf found to swap for cdktn`);
      text = swapped;
    } else if (/require\("cdktf"\)|from 'cdktf'/.test(text)) {
      throw new Error(`${name} imports cdktf itself; only bindings/cdk.ts may (eslint.config.js)`);
    }
    fs.writeFileSync(path.join(TO, name), text);
  }
}

main();
