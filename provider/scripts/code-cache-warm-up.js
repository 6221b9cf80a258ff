#!/usr/bin/env node
// Run by bundle.js: starts the provider bundle given as the argument the way
// the real entry point does (same compile, so V8 accepts the cache later), and
// writes the bundle's code cache when the process exits, which the provider's
// SIGTERM handler makes it do. Nothing but compiled code goes in the cache.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { compileBundle, runBundle, CODE_CACHE_SUFFIX } = require(path.join(__dirname, '..', '..', 'dist', 'provider', 'src', 'plugin', 'bundle-loader.js'));

const bundlePath = process.argv[2];
const script = compileBundle(bundlePath);
process.on('exit', () => {
  const file = bundlePath + CODE_CACHE_SUFFIX;
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, script.createCachedData());
  fs.renameSync(tmp, file); // a provider starting meanwhile sees the old cache or the new one, never half of one
});
runBundle(script, bundlePath);
