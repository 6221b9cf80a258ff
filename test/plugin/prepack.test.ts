// `prepack` builds: a fresh clone (the committed tree, no dist/) packed with
// plain `npm pack` ships the compiled bindings and provider. The other packed
// package tests pack the already-built repository with --ignore-scripts.

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../support/paths';
import { describeResult, runProcess } from '../support/process';

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'prepack-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('npm pack in a clone without dist/ runs the build first and ships its output', async () => {
  const clone = path.join(tmp, 'clone');
  fs.mkdirSync(clone);
  // The committed tree, as `git clone` gives it: what others are editing right now stays out.
  const archive = path.join(tmp, 'head.tar');
  execFileSync('git', ['archive', '--format=tar', '-o', archive, 'HEAD'], { cwd: REPO_ROOT });
  execFileSync('tar', ['-xf', archive, '-C', clone]);
  expect(fs.existsSync(path.join(clone, 'dist'))).toBe(false);
  // Dependencies as `npm ci` would install them, without installing them again.
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(clone, 'node_modules'));

  const packDir = path.join(tmp, 'pack');
  fs.mkdirSync(packDir);
  const r = await runProcess('npm', ['pack', '--pack-destination', packDir], {
    cwd: clone,
    env: { ...process.env, npm_config_update_notifier: 'false' },
    guardMs: 150_000,
  });
  if (r.code !== 0) throw new Error(describeResult('npm pack', r));
  expect(r.stdout + r.stderr).toContain('npm run build');

  const [tarball] = fs.readdirSync(packDir).filter((f) => f.endsWith('.tgz'));
  expect(tarball).toBeDefined();
  const shipped = execFileSync('tar', ['-tzf', path.join(packDir, tarball ?? '')], { encoding: 'utf8' }).split('\n');
  expect(shipped).toEqual(
    expect.arrayContaining([
      'package/dist/bindings/index.js',
      'package/dist/bindings/index.d.ts',
      'package/dist/bindings-cdktn/index.js',
      'package/dist/emulator/src/index.js',
      'package/dist/provider/terraform-provider-cognitoidentity.js',
      'package/dist/provider/provider-bundle.js',
      'package/dist/provider/src/main.js',
    ]),
  );
  // The `files` exclusions hold for a fresh build too.
  expect(shipped.filter((f) => f.endsWith('.map') || f.endsWith('.v8cache'))).toEqual([]);
  // Only what runs: the four built trees, the launchers, the proto, docs and the package's own files.
  const top = (f: string): string =>
    f
      .split('/')
      .slice(1, f.startsWith('package/dist/') ? 3 : 2)
      .join('/');
  const shippedRoots = [...new Set(shipped.filter((f) => f !== '').map(top))].sort();
  expect(shippedRoots).toEqual(
    ['LICENSE', 'README.md', 'dist/bindings', 'dist/bindings-cdktn', 'dist/emulator', 'dist/provider', 'docs', 'emulator', 'package.json', 'provider'].sort(),
  );
  expect(shipped.filter((f) => f.startsWith('package/emulator/') && !f.startsWith('package/emulator/bin/') && f !== 'package/emulator/README.md')).toEqual([]);
  expect(shipped.filter((f) => f.startsWith('package/provider/') && !/^package\/provider\/(bin|proto)\//.test(f))).toEqual([]);
}, 170_000);
