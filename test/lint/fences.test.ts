// The layer fences of eslint.config.js really fence: each zone's forbidden
// import is reported, and the allowed one is not. Runs the ESLint CLI on
// probe code given as a file in each zone (--stdin-filename; nothing is
// written), and on the whole repository.

import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { first } from '../support/lists';

const root = path.resolve(__dirname, '../..');
const eslintBin = path.join(root, 'node_modules', '.bin', 'eslint');

interface LintResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; message: string }[];
}

function lint(args: string[], stdin?: string): LintResult[] {
  const r = spawnSync(eslintBin, ['--format', 'json', ...args], { cwd: root, input: stdin, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`eslint exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout) as LintResult[];
}

/** Whether `rule` reports `code`, linted as if it were `file`. */
function fires(rule: string, file: string, code: string): boolean {
  const result = first(lint(['--stdin', '--stdin-filename', file], code), 'the eslint results');
  return result.messages.some((m) => m.ruleId === rule);
}

function restricted(file: string, code: string): boolean {
  return fires('no-restricted-imports', file, `${code}\nexport const probe = 1;\n`);
}

test.each([
  ['provider/src/plugin/probe.ts', "import { MERGED_IDENTITY } from '../cognito/schemas';", true],
  ['provider/src/plugin/probe.ts', "import { errorDiag } from '../framework/diagnostics';", false],
  ['provider/src/cognito/probe.ts', "import * as grpc from '@grpc/grpc-js';", true],
  ['provider/src/cognito/probe.ts', "import { encode } from '@msgpack/msgpack';", true],
  ['provider/src/cognito/probe.ts', "import { serve } from '../plugin/serve';", true],
  ['provider/src/framework/probe.ts', "import { MERGED_IDENTITY } from '../cognito/schemas';", true],
  ['bindings/probe.ts', "import { mergedIdentitySchema } from '../provider/src/cognito/schemas';", true],
  ['bindings/probe.ts', "import { formatResourceId } from '../provider/src/public-api';", false],
  ['bindings/probe.ts', "import { App } from 'cdktf';", true],
  ['bindings/probe.ts', "import { App } from 'cdktn';", true],
  ['bindings/probe.ts', "import { TerraformResource } from './cdk';", false],
  ['bindings/cdk.ts', "import { App } from 'cdktf';", false],
  ['examples/demo/probe.ts', "import { REPO_ROOT } from '../../test/support/paths';", true],
  ['examples/demo/probe.ts', "import { printTable } from '../../bench/support/table';", true],
  ['examples/demo/probe.ts', "import { startLocalEmulator } from './local-emulator';", false],
  ['bench/support/probe.ts', "import { REPO_ROOT } from '../../test/support/paths';", true],
  ['bench/support/probe.ts', "import { startPlugin } from '../../examples/demo/go-plugin-client';", false],
])('%s: `%s` restricted = %s', (file, code, expected) => {
  expect(restricted(file, code)).toBe(expected);
});

test.each([
  ['provider/src/cognito/probe.ts', 5, true],
  ['provider/src/cognito/probe.ts', 4, false],
  ['emulator/src/probe.ts', 5, true],
  ['bindings/probe.ts', 5, true],
  ['bench/probe.ts', 5, true],
])('%s: a function of %i positional parameters refused = %s', (file, count, expected) => {
  const params = Array.from({ length: count }, (_, i) => `p${i}: number`).join(', ');
  expect(fires('max-params', file, `export function probe(${params}): number {\n  return p0;\n}\n`)).toBe(expected);
});

test.each([
  ['provider/src/cognito/probe.ts', 41, true],
  ['provider/src/cognito/probe.ts', 40, false],
  ['emulator/src/probe.ts', 41, true],
  ['bindings/probe.ts', 41, true],
  ['examples/demo/probe.ts', 41, true],
  ['bench/probe.ts', 41, true],
])('%s: a function of %i lines refused = %s', (file, lines, expected) => {
  // The signature, the first and the last statement and the closing brace are four of the lines; blank lines and comments do not count.
  const body = Array.from({ length: lines - 4 }, (_, i) => `  total += ${i};`).join('\n');
  const code = `export function probe(): number {\n  let total = 0;\n${body}\n\n  // a comment\n  return total;\n}\n`;
  expect(fires('max-lines-per-function', file, code)).toBe(expected);
});

test('the repository passes its own lint rules', () => {
  const problems = lint(['.']).flatMap((r) => r.messages.map((m) => `${path.relative(root, r.filePath)}:${m.line} ${m.ruleId}: ${m.message}`));
  expect(problems).toEqual([]);
});
