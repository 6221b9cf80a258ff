// The provider executable is the esbuild bundle `npm run build` makes, started
// with the V8 code cache the build recorded (provider/scripts/bundle.js).
// These check the built artefacts, so they need `npm run build` first.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BUNDLE_FILE, CODE_CACHE_SUFFIX, compileBundle, nodeTooOld } from '../../../provider/src/plugin/bundle-loader';
import { PROVIDER_MAIN, requireBuiltProvider } from '../../support/paths';

const DIST_PROVIDER = path.dirname(PROVIDER_MAIN);
const BUNDLE = path.join(DIST_PROVIDER, BUNDLE_FILE);

describe('bundled provider', () => {
  beforeAll(() => {
    requireBuiltProvider();
  });

  test('the build recorded a code cache that this Node accepts for this bundle', () => {
    const cache = fs.readFileSync(BUNDLE + CODE_CACHE_SUFFIX);
    expect(compileBundle(BUNDLE, cache).cachedDataRejected).toBe(false);
  });

  test('the cache holds compiled code only: no key or certificate from the warm-up run', () => {
    const cache = fs.readFileSync(BUNDLE + CODE_CACHE_SUFFIX).toString('latin1');
    expect(cache).not.toMatch(/-----BEGIN [A-Z ]*(PRIVATE KEY|CERTIFICATE)-----\n[A-Za-z0-9+/]/);
  });

  test('a cache that does not fit is ignored and the bundle still compiles', () => {
    expect(compileBundle(BUNDLE, Buffer.from('not a code cache')).cachedDataRejected).toBe(true);
  });

  test('without its bundle the entry point says what is missing and exits 1', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-loader-'));
    try {
      const entry = path.join(dir, path.basename(PROVIDER_MAIN));
      fs.copyFileSync(PROVIDER_MAIN, entry);
      const run = spawnSync(process.execPath, [entry], { encoding: 'utf8' });
      expect(run.status).toBe(1);
      // One line on stdout too: Terraform shows it as "Unrecognized remote plugin message: ...".
      expect(run.stdout).toMatch(/^terraform-provider-cognitoidentity: cannot start: [^\n]+\n$/);
      expect(run.stderr).toContain('terraform-provider-cognitoidentity: cannot start:');
      expect(run.stderr).toContain(path.join(dir, BUNDLE_FILE));
      expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('nodeTooOld', () => {
  test.each([
    ['18.19.0', true],
    ['19.9.0', true],
    ['20.0.0', false],
    ['20.20.2', false],
    ['22.11.0', false],
  ])('Node %s: refused %s', (version, refused) => {
    const why = nodeTooOld(version);
    expect(why !== undefined).toBe(refused);
    if (why) expect(why).toContain(`Node.js ${version} is too old`);
  });
});
