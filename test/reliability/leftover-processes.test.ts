// A process group a test starts detached (a README's emulator in the
// background, say) is recorded under the run directory, and the jest teardown
// kills whatever of it still runs: a test that timed out, or a worker jest
// killed, leaves no process behind (test/support/temp-root.js).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startProcess } from '../support/process';
import { isAlive } from '../support/reliability-process';
import { waitFor } from '../support/wait';

const { killRecordedGroups } = require('../support/temp-root.js') as { killRecordedGroups: (runDir: string) => void };

test('a detached group is recorded while it runs, and the teardown kills what it left running', async () => {
  // A run directory of this test's own: killing the groups recorded in the real one would also kill
  // what other workers run detached right now (the demo did die of that in CI).
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leftover-run-'));
  const pidFile = path.join(runDir, 'pid');
  // The shell exits at once and leaves a background sleep in its group, as `npx ... &` would.
  const shell = startProcess('bash', ['-c', `sleep 600 >/dev/null 2>&1 </dev/null & echo $! > ${pidFile}`], { detached: true, runDir });
  const leader = shell.child.pid;
  await shell.done;
  const orphan = Number(fs.readFileSync(pidFile, 'utf8'));
  expect(isAlive(orphan)).toBe(true);
  expect(fs.existsSync(path.join(runDir, 'process-groups', String(leader)))).toBe(true);

  killRecordedGroups(runDir);
  await waitFor(() => !isAlive(orphan), { timeoutMs: 5000, what: 'the orphaned sleep to be killed' });
  fs.rmSync(runDir, { recursive: true, force: true });
});
