// Dead code stays out (issue 15): every export of a module under provider/src,
// emulator/src or bindings is imported by some other file, or is public.
//
// Public: everything the package.json `exports` entry points reach (bindings/index.ts and what it
// re-exports, emulator/src/index.ts), provider/src/public-api.ts, and the names the plain JS
// launchers and build scripts (package.json `bin`, provider/bin, provider/scripts) take from dist/.
// Used: imported by any other file of the repository, including bench/, examples/ and test/.
// An export that only test/ imports is test-only API: listed by the last test, not a failure
// (a test may reach into a module on purpose). An export used only in its own file fails too:
// drop the `export`. How names are followed: test/lint/export-graph.ts.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { allExports, buildExportGraph, type ExportGraph } from './export-graph';
import { readSources, type SourceTexts } from './source-texts';

const ROOT = path.resolve(__dirname, '../..');
const CHECKED = ['provider/src', 'emulator/src', 'bindings'];
const SCANNED = [...CHECKED, 'bench', 'examples', 'test'];
const SCRIPTS = ['provider/bin', 'provider/scripts', 'emulator/bin'];

/** "module#export" -> why it stays although no other file imports it. Keep each reason to one line. */
const ALLOWED: Record<string, string> = {};

/** The sources of the package.json `exports` entry points (dist/x.js -> x.ts), and public-api.ts. */
function entryPoints(texts: SourceTexts): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, string | Record<string, string>> };
  const targets = Object.values(pkg.exports).flatMap((e) => (typeof e === 'string' ? [e] : Object.values(e)));
  const sources = targets
    .filter((t) => t.startsWith('./dist/') && t.endsWith('.js'))
    .map((t) => t.slice('./dist/'.length).replace(/\.js$/, '.ts'))
    // dist/bindings-cdktn is dist/bindings with one module's import swapped (provider/scripts/cdktn-bindings.js).
    .map((t) => t.replace(/^bindings-cdktn\//, 'bindings/'))
    .filter((t) => texts.has(t));
  return [...new Set([...sources, 'provider/src/public-api.ts'])];
}

interface Finding {
  key: string;
  line: number;
  /** The other files that use it; `<api of X>`: a type in the declaration of export X, which is used. */
  users: string[];
  usedInFile: boolean;
}

/** Each export of the checked modules with the other files that use it. */
function findings(graph: ExportGraph): Finding[] {
  return [...graph.modules.entries()]
    .filter(([file]) => CHECKED.some((dir) => file.startsWith(`${dir}/`)) && file.endsWith('.ts'))
    .flatMap(([file, info]) => {
      const users = new Map([...info.exports.keys()].map((name) => [name, [...(graph.usedBy.get(`${file}#${name}`) ?? [])].filter((u) => u !== file)]));
      // A type that a used export's declaration names is part of that export's API: callers may need to name it.
      for (let changed = true; changed;) {
        changed = false;
        for (const [name, e] of info.exports) {
          if (!e.typeOnly || (users.get(name) ?? []).length > 0) continue;
          const owner = [...info.exports].find(([other, o]) => other !== name && o.mentions.has(name) && (users.get(other) ?? []).length > 0);
          if (owner) {
            users.set(name, [`<api of ${owner[0]}>`]);
            changed = true;
          }
        }
      }
      return [...info.exports].map(([name, e]) => ({ key: `${file}#${name}`, line: e.line, users: users.get(name) ?? [], usedInFile: e.usedInFile }));
    });
}

const isTest = (user: string): boolean => user.startsWith('test/');
const show = (f: Finding): string =>
  `${f.key.replace('#', `:${f.line} `)} (${f.usedInFile ? 'used only in its own file: drop the export' : 'used nowhere: remove it'})`;

// About 1 s for ~280 files on an idle 2-core machine (parsing is most of it), 2-5 s when it is loaded.
const texts = readSources(ROOT, SCANNED, SCRIPTS);
const graph = buildExportGraph(texts, entryPoints(texts));
const all = findings(graph);

describe('the export graph', () => {
  const fixture = (files: Record<string, string>, entries: string[] = []): ExportGraph => buildExportGraph(new Map(Object.entries(files)), entries);
  const used = (g: ExportGraph, key: string): string[] => [...(g.usedBy.get(key) ?? [])].sort();

  test('follows named, default, type, namespace and re-exported imports', () => {
    const g = fixture({
      'src/a.ts': 'export const a = 1; export function f() {} export interface T {} export default 3; export class Unused {}',
      'src/b.ts': "import d, { a } from './a'; import type { T } from './a';",
      'src/c.ts': "import * as ns from './a'; let x: ns.T; ns.f();",
      'src/d.ts': "export { f as g } from './a';",
    });
    expect(used(g, 'src/a.ts#a')).toEqual(['src/b.ts']);
    expect(used(g, 'src/a.ts#default')).toEqual(['src/b.ts']);
    expect(used(g, 'src/a.ts#T')).toEqual(['src/b.ts', 'src/c.ts']);
    expect(used(g, 'src/a.ts#f')).toEqual(['src/c.ts', 'src/d.ts']);
    expect(used(g, 'src/a.ts#Unused')).toEqual([]);
    expect(used(g, 'src/d.ts#g')).toEqual([]);
  });

  test('follows dynamic imports, import types and export * into an entry point', () => {
    const g = fixture(
      {
        'src/m.ts': 'export const a = 1, b = 2, c = 3, d = 4; export type E = 5; export const unused = 6;',
        'src/use.ts': [
          "const x = (await import('./m')).a;",
          "const { b } = await import('./m');",
          "const [{ c }, other] = await Promise.all([import('./m'), load()]);",
          "type Y = typeof import('./m').d | import('./m').E;",
        ].join('\n'),
        'src/index.ts': "export * from './n';",
        'src/n.ts': 'export const pub = 1;',
      },
      ['src/index.ts'],
    );
    expect(['a', 'b', 'c', 'd', 'E', 'unused'].map((n) => used(g, `src/m.ts#${n}`).length)).toEqual([1, 1, 1, 1, 1, 0]);
    expect(used(g, 'src/n.ts#pub')).toEqual(['<entry point src/index.ts>']);
    expect(allExports(g, 'src/index.ts')).toEqual(['pub']);
  });

  test("follows a plain JS script's require of a built file, with the path built from constants", () => {
    const g = fixture({
      'lib/paths.js': "const REPO = path.join(__dirname, '..');\nmodule.exports = { REPO };",
      'bin/run.js': [
        "const { REPO } = require('../lib/paths');",
        "const DIST = path.join(REPO, 'dist', 'src');",
        "const { one, two: alias } = require(path.join(DIST, 'm.js'));",
        "require(path.join(__dirname, '..', 'dist', 'src', 'n.js')).main();",
      ].join('\n'),
      'src/m.ts': 'export const one = 1, two = 2, three = 3;',
      'src/n.ts': 'export function main() {}',
    });
    expect(['one', 'two', 'three'].map((n) => used(g, `src/m.ts#${n}`))).toEqual([['bin/run.js'], ['bin/run.js'], []]);
    expect(used(g, 'src/n.ts#main')).toEqual(['bin/run.js']);
  });

  test("in this repository: the launchers' and build scripts' requires of dist/, and serve.ts's dynamic imports", () => {
    const users = (key: string): string[] => [...(graph.usedBy.get(key) ?? [])];
    expect(users('provider/src/release/install-release.ts#runInstallCommand')).toContain('provider/bin/cli.js');
    expect(users('bindings/import-code.ts#mergedIdentityImportCode')).toContain('provider/bin/cli.js');
    expect(users('emulator/src/cli.ts#main')).toContain('emulator/bin/cognito-identity-emulator.js');
    expect(users('provider/src/plugin/bundle-loader.ts#runBundle')).toContain('provider/scripts/code-cache-warm-up.js');
    expect(users('provider/src/plugin/handshake.ts#MAGIC_COOKIE_VALUE')).toContain('provider/scripts/bundle.js');
    expect(users('provider/src/release/sea.ts#SEA_SDK_ASSET')).toContain('provider/scripts/sea-bundle.js');
    expect(users('provider/src/plugin/provider-service.ts#ProviderService')).toContain('provider/src/plugin/serve.ts');
    expect(users('provider/src/cognito/provider.ts#cognitoProvider')).toContain('provider/src/main.ts');
    expect(users('emulator/src/index.ts#startEmulator')).toContain('<entry point emulator/src/index.ts>');
  });

  test('the scan reads the whole repository', () => {
    expect(texts.size).toBeGreaterThan(200);
  });
});

test('every export of provider/src, emulator/src and bindings is imported by another file or is public', () => {
  const dead = all.filter((f) => f.users.length === 0 && !(f.key in ALLOWED)).map(show);
  expect(dead).toEqual([]);
});

test('the allow-list names only exports that still exist and still need it', () => {
  const stale = Object.keys(ALLOWED).filter((key) => {
    const finding = all.find((f) => f.key === key);
    return finding === undefined || finding.users.length > 0;
  });
  expect(stale).toEqual([]);
});

test('exports only tests import (test-only API: reported, not failed)', () => {
  const testOnly = all.filter((f) => f.users.length > 0 && f.users.every(isTest)).map((f) => `${f.key.replace('#', `:${f.line} `)} <- ${f.users.join(', ')}`);
  if (testOnly.length > 0) console.info(`Exports only tests import (${testOnly.length}):\n${testOnly.join('\n')}`);
  expect(Array.isArray(testOnly)).toBe(true);
});
