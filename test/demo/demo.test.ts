// The README's demo command, run as a user runs it (the built script, after
// `npm run build`): the synthesized example cdktf stack is applied by the real
// Terraform, with the real hashicorp/aws provider creating the pool, against
// the emulator. It must exit 0 and show each promised result. The caller's
// environment carries settings that would break the run if the demo passed
// them on (Terraform gets the clean sandbox of examples/demo/terraform-sandbox.ts).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { runProcess } from '../support/process';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const DEMO = path.join(REPO_ROOT, 'dist', 'examples', 'demo', 'run-demo.js');

test('npm start: the demo applies the example stack, reads the merge back, plans empty and destroys with the warning', async () => {
  if (!fs.existsSync(DEMO)) throw new Error(`${DEMO} is missing: run \`npm run build\` first (npm test does).`);
  const stray = {
    TF_CLI_ARGS: '-no-such-flag-from-the-caller',
    TF_DATA_DIR: '/nonexistent/tf-data-dir',
    COGNITO_SOURCE_USERS: 'not-a-demo-user',
    AWS_PROFILE: 'no-such-profile',
  };
  // Its own process group: if the demo overruns, the guard kills Terraform and its providers with it, and the
  // jest teardown kills whatever of the group is left even when this worker is gone (test/support/process.ts).
  const run = await runProcess(process.execPath, [DEMO], { cwd: REPO_ROOT, env: { ...process.env, ...stray }, guardMs: 170_000, detached: true });
  const output = `${run.stdout}\n${run.stderr}`;
  if (run.code !== 0) throw new Error(`demo exited with ${run.code}${run.signal ? ` (${run.signal})` : ''}:\n${output.slice(-4000)}`);

  expect(run.stdout).toMatch(/==> \[11\/11\]/);
  // The plan shows the surviving identity id before anything is merged.
  expect(run.stdout).toMatch(/cognitoidentity_merged_identity\.\S+ will be created/);
  expect(run.stdout).toMatch(/identity_id\s+= "us-east-1:[0-9a-f-]+"/);
  expect(run.stdout).toMatch(/now holds: user-primary, user-secondary, user-tablet/);
  expect(run.stdout).toMatch(/plan is empty \(exit code 0\)/);
  expect(run.stdout).toMatch(/Warning: The merge stays in Cognito/);
  expect(run.stdout).toMatch(/still resolves to us-east-1:[0-9a-f-]+: the merge stays in Cognito/);
  expect(run.stdout).toMatch(/Demo finished/);
});
