// Keeps the test tiers honest (jest.config.js): no test waits a fixed time over
// 50 ms (it polls for the condition instead, test/support/wait.ts), and no
// unit-tier file spawns a process.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { required } from '../support/lists';

const ROOT = path.resolve(__dirname, '../..');
const LIMIT_MS = 50;

/** test/-relative file -> why its fixed wait is the thing under test. Keep each reason to one line. */
const ALLOWED: Record<string, string> = {
  'reliability/leftover-processes.test.ts': 'a background process that must outlive its shell, for the teardown to kill; nothing waits on it',
};

const NUM = String.raw`(\d[\d_]*(?:\.\d+)?)`;
// A callback: a name (a promise's resolve) or an arrow function without nested braces.
const CALLBACK = String.raw`(?:[\w$.]+|(?:\([^()]*\)|[\w$]+)\s*=>\s*(?:\{[^{}]*\}|[^{};]*?))`;
// A timer assigned to a name is a guard that is cleared later, not a wait; `x.setTimeout` is jest's or a socket's.
const UNKEPT = String.raw`(?<!=\s*)(?<![\w$.])`;
const WAITS: { pattern: RegExp; unitMs: number }[] = [
  { pattern: new RegExp(String.raw`(?<![\w$])(?:sleep|delay)\(\s*${NUM}\s*[,)]`, 'g'), unitMs: 1 },
  { pattern: new RegExp(String.raw`${UNKEPT}setTimeout\(\s*${NUM}\s*[,)]`, 'g'), unitMs: 1 }, // node:timers/promises
  { pattern: new RegExp(String.raw`${UNKEPT}setTimeout\(\s*${CALLBACK}\s*,\s*${NUM}\s*[,)]`, 'g'), unitMs: 1 },
  { pattern: new RegExp(String.raw`\bsleep\s+${NUM}(?![\w.])`, 'g'), unitMs: 1000 }, // shell, in scripts the tests write
];

/** The fixed waits over the limit in `text`, as "line: code". */
function fixedWaits(text: string): string[] {
  const found: string[] = [];
  for (const { pattern, unitMs } of WAITS) {
    for (const m of text.matchAll(pattern)) {
      if (Number(required(m[1], "the wait's number").replace(/_/g, '')) * unitMs <= LIMIT_MS) continue;
      const line = text.slice(0, m.index).split('\n').length;
      found.push(`${line}: ${m[0].replace(/\s+/g, ' ')}`);
    }
  }
  return found;
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === '__snapshots__' ? [] : filesUnder(full);
    return /\.[jt]s$/.test(e.name) ? [full] : [];
  });
}

const testFiles = filesUnder(path.join(ROOT, 'test')).filter((f) => f !== __filename);
const rel = (f: string): string => path.relative(path.join(ROOT, 'test'), f);

test('the detector finds fixed waits over 50 ms and nothing else', () => {
  const waits = [
    'await sleep(500);',
    'await new Promise((r) => setTimeout(r, 200));',
    'await setTimeout(1_000);',
    'setTimeout(() => controller.abort(), 100);',
    'setTimeout(() => { resolve(); }, 60)',
    'while true; do sleep 0.1; done',
  ];
  for (const code of waits) expect([code, fixedWaits(code)]).toEqual([code, [expect.stringMatching(/^1: /)]]);
  const fine = [
    'await sleep(50);',
    'await new Promise((r) => setTimeout(r, intervalMs));',
    'setTimeout(check, 20);',
    'const guard = setTimeout(() => { child.kill(); }, 60_000);',
    'jest.setTimeout(240_000);',
    'r.setTimeout(5000, onHang);',
    'while [ ! -s out ]; do sleep 0.05; done',
  ];
  for (const code of fine) expect([code, fixedWaits(code)]).toEqual([code, []]);
});

test('no test file waits a fixed time over 50 ms: poll with waitFor (test/support/wait.ts)', () => {
  const offenders = testFiles.filter((f) => !(rel(f) in ALLOWED)).flatMap((f) => fixedWaits(fs.readFileSync(f, 'utf8')).map((w) => `test/${rel(f)}:${w}`));
  expect(offenders).toEqual([]);
});

test('the allow-list names only files that still need it', () => {
  const stale = Object.keys(ALLOWED).filter((f) => {
    const file = path.join(ROOT, 'test', f);
    return !fs.existsSync(file) || fixedWaits(fs.readFileSync(file, 'utf8')).length === 0;
  });
  expect(stale).toEqual([]);
});

test('no unit-tier test file spawns a process (those belong to the e2e tier)', () => {
  const config = require(path.join(ROOT, 'jest.config.js')) as { projects: { displayName: string; testRegex: string[] }[] };
  const unit = config.projects.find((p) => p.displayName === 'unit');
  const inUnit = testFiles.filter((f) => f.endsWith('.test.ts') && unit?.testRegex.some((r) => new RegExp(r).test(f)));
  expect(inUnit.length).toBeGreaterThan(20);
  expect(inUnit.filter((f) => fs.readFileSync(f, 'utf8').includes('child_process')).map(rel)).toEqual([]);
});
