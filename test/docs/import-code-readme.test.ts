// examples/import/README.md, "With cdktf": the command it shows prints the
// TypeScript it shows, byte for byte (so the sample cannot drift), and the
// command's flags and refusals behave as the README and `--help` say.
// The printed code is compiled and deployed by test/bindings/packed-app.test.ts.

import path from 'node:path';
import { REPO_ROOT } from '../support/paths';
import { runProcess } from '../support/process';
import { fencedBlocks } from '../support/readme';

const README = path.join(REPO_ROOT, 'examples', 'import', 'README.md');
const CLI = path.join(REPO_ROOT, 'provider', 'bin', 'cli.js');
const SECTION = '## With cdktf';

/** The section's ```sh block (the command) and its ```ts block (what the command prints). */
function sectionBlocks(): { command: string; printed: string } {
  const [command] = fencedBlocks(README, SECTION, 'sh');
  const [printed] = fencedBlocks(README, SECTION, 'ts');
  if (command === undefined || printed === undefined) throw new Error(`${README}: "${SECTION}" needs a sh block and a ts block`);
  return { command, printed };
}

/** The README's import id: the one quoted argument of its command. */
function readmeImportId(command: string): string {
  const id = command.match(/'([^']+)'/)?.[1];
  if (id === undefined) throw new Error(`no quoted import id in: ${command}`);
  return id;
}

test("the README's command, run as written, prints the README's code", async () => {
  const { command, printed } = sectionBlocks();
  const r = await runProcess('bash', ['-euo', 'pipefail', '-c', command], { cwd: path.dirname(README) });
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
  expect(r.stdout).toBe(printed);
}, 60_000);

test('--id sets the construct id and --cdktn imports from the cdktn entry point', async () => {
  const id = readmeImportId(sectionBlocks().command);
  const r = await runProcess(process.execPath, [CLI, 'cdktf-import-code', id, '--id', 'legacy-merge', '--cdktn']);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('import { MergedIdentity } from "terraform-provider-cognitoidentity/cdktn";');
  expect(r.stdout).toContain('new MergedIdentity(this, "legacy-merge", {');
  expect(r.stdout).toContain(`.importFrom(${JSON.stringify(id)});`);
});

test.each([
  [['us-east-1:0f3a7c2e-5b1d-4e8f-9a60-7c2d1e4b8f90,login.example.app,only-three'], /import id/i],
  [[], /exactly one import id/],
  [['a,b,c,d', 'e,f,g,h'], /exactly one import id/],
  [['--colour', 'x'], /--colour/],
])('cdktf-import-code %j is refused with exit 2 and one line on stderr', async (args, message) => {
  const r = await runProcess(process.execPath, [CLI, 'cdktf-import-code', ...args]);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(message);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
});
