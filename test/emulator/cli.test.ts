/** The `cognito-identity-emulator` CLI as a child process. */
import { GetIdCommand } from '@aws-sdk/client-cognito-identity';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { LOCAL_CREDENTIALS, localClient } from '../../examples/demo/local-emulator';
import { REPO, requireBuild, runCli, startChild } from './child-process';
import { createPool } from './helpers';
import { waitFor } from '../support/wait';

test('prints the endpoint as the first stdout line, serves, logs to stderr and exits 0 on SIGTERM', async () => {
  const run = await startChild(['--port', '0', '--rate-limit', 'GetId=100', '--latency-ms', '0']);
  expect(run.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  const client = localClient(run.endpoint, { maxAttempts: 1 });
  const poolId = await createPool(client);
  expect((await client.send(new GetIdCommand({ IdentityPoolId: poolId }))).IdentityId).toBeDefined();
  client.destroy();
  run.child.kill('SIGTERM');
  expect(await run.exited).toBe(0);
  expect(run.stderr()).toContain('GetId 200');
});

test('--credentials turns on signature verification and the secret is never logged', async () => {
  const run = await startChild(['--port', '0', '--credentials', `${LOCAL_CREDENTIALS.accessKeyId}:${LOCAL_CREDENTIALS.secretAccessKey}`]);
  const good = localClient(run.endpoint, { maxAttempts: 1 });
  const bad = localClient(run.endpoint, { credentials: { accessKeyId: LOCAL_CREDENTIALS.accessKeyId, secretAccessKey: 'wrong' }, maxAttempts: 1 });
  await createPool(good);
  await expect(createPool(bad)).rejects.toMatchObject({ name: 'InvalidSignatureException' });
  good.destroy();
  bad.destroy();
  run.child.kill('SIGINT');
  expect(await run.exited).toBe(0);
  expect(run.stderr()).not.toContain(LOCAL_CREDENTIALS.secretAccessKey);
});

test.each([
  [['--port', 'abc'], "--port: 'abc' is not a port number"],
  [['--bogus'], "Unknown option '--bogus'"],
  [['--rate-limit', 'NoSuchOp=5'], "unknown operation 'NoSuchOp'"],
  [['--rate-limit', 'GetId'], "'GetId' must be OP=RPS"],
  [['--internal-error-rate', '1.5'], "--internal-error-rate: '1.5' is not a number 0..1"],
  [['--credentials', 'onlykey'], '--credentials must be KEY:SECRET'],
  [['--region', 'Not A Region'], 'region must look like'],
  [['--login-limit-counts', 'some'], "--login-limit-counts: 'some' is not one of all, public"],
  [['--lookup-by-user-lists', 'all'], "--lookup-by-user-lists: 'all' is not one of identity, given"],
])('bad flags %j exit 2 with a clear message', async (args, message) => {
  const run = runCli(args);
  expect(await run.exited).toBe(2);
  expect(run.stderr()).toContain(message);
  expect(run.stdout()).toBe('');
});

test('--help prints usage and exits 0', async () => {
  const run = runCli(['--help']);
  expect(await run.exited).toBe(0);
  expect(run.stdout()).toContain('Usage: cognito-identity-emulator');
  expect(run.stdout()).toContain('--quota-preset');
});

test('a taken port exits 1 with the reason', async () => {
  const first = await startChild(['--port', '0']);
  const port = new URL(first.endpoint).port;
  const second = runCli(['--port', port]);
  expect(await second.exited).toBe(1);
  expect(second.stderr()).toContain('EADDRINUSE');
  first.child.kill('SIGTERM');
  expect(await first.exited).toBe(0);
});

/** True once nothing accepts connections at `endpoint` any more. */
async function refused(endpoint: string): Promise<boolean> {
  try {
    await fetch(endpoint, { signal: AbortSignal.timeout(1000) });
    return false;
  } catch (err) {
    return (err as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED';
  }
}

test('`npx cognito-identity-emulator --port 0 &` then `kill $!` stops the server', async () => {
  requireBuild();
  const dir = mkdtempSync(join(tmpdir(), 'emulator-npx-'));
  const out = join(dir, 'endpoint');
  // As a user types it: start in the background, then kill what $! names (npx, not the emulator's node).
  const shell = spawn('bash', ['-c', `npx cognito-identity-emulator --port 0 --quiet > ${JSON.stringify(out)} & echo $!; wait`], {
    cwd: REPO,
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const npxPid = Number(await new Promise<string>((resolve) => createInterface({ input: shell.stdout }).once('line', resolve)));
    // A whole line: the file may be polled between the emulator's writes.
    const firstLine = (): string => /^.*\n/.exec(existsSync(out) ? readFileSync(out, 'utf8') : '')?.[0].trimEnd() ?? '';
    const endpoint = await waitFor(firstLine, { what: 'the endpoint line' });
    expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await refused(endpoint)).toBe(false);
    process.kill(npxPid, 'SIGTERM');
    await waitFor(() => refused(endpoint), { timeoutMs: 5000, what: 'the emulator to stop listening' });
  } finally {
    // Whatever of this test's process group is left (only on failure). Only while the shell, the group's
    // leader, still runs: once it has exited its pid may name another test's process group.
    if (shell.pid && shell.exitCode === null && shell.signalCode === null) {
      try {
        process.kill(-shell.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
});
