/** The state file: survives restarts (in-process and as a child stopped with SIGTERM); corrupt files stop the start. */
import { DescribeIdentityPoolCommand, LookupDeveloperIdentityCommand, MergeDeveloperIdentitiesCommand } from '@aws-sdk/client-cognito-identity';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, StateFileError } from '../../emulator/src';
import { LOCAL_CREDENTIALS, localClient } from '../../examples/demo/local-emulator';
import { runCli, startChild } from './child-process';
import { clientFor, createPool, DEV_PROVIDER, registerUser } from './helpers';

const tempFile = (): string => join(mkdtempSync(join(tmpdir(), 'cognito-emulator-')), 'state.json');

test('pools, identities and merges survive a restart', async () => {
  const stateFile = tempFile();
  const first = await startEmulator({ stateFile });
  const client1 = clientFor(first);
  const poolId = await createPool(client1);
  const dst = await registerUser(client1, poolId, 'dst', { 'graph.facebook.com': 'fb-token-secret' });
  await registerUser(client1, poolId, 'src');
  await client1.send(
    new MergeDeveloperIdentitiesCommand({
      IdentityPoolId: poolId,
      DeveloperProviderName: DEV_PROVIDER,
      SourceUserIdentifier: 'src',
      DestinationUserIdentifier: 'dst',
    }),
  );
  client1.destroy();
  await first.stop();

  // Provider tokens are not written to disk (only a hash), nor are credentials.
  const saved = readFileSync(stateFile, 'utf8');
  expect(saved).not.toContain('fb-token-secret');
  expect(saved).not.toContain(LOCAL_CREDENTIALS.secretAccessKey);

  const second = await startEmulator({ stateFile });
  const client2 = clientFor(second);
  try {
    expect((await client2.send(new DescribeIdentityPoolCommand({ IdentityPoolId: poolId }))).DeveloperProviderName).toBe(DEV_PROVIDER);
    expect(await client2.send(new LookupDeveloperIdentityCommand({ IdentityPoolId: poolId, DeveloperUserIdentifier: 'src' }))).toMatchObject({
      IdentityId: dst,
      DeveloperUserIdentifierList: ['dst', 'src'],
    });
    // The public login index was rebuilt too.
    expect(await registerUser(client2, poolId, 'dst', { 'graph.facebook.com': 'fb-token-secret' })).toBe(dst);
  } finally {
    client2.destroy();
    await second.stop();
  }
});

test('a corrupt state file stops the start with a clear error and is left untouched', async () => {
  const stateFile = tempFile();
  writeFileSync(stateFile, '{"version":1,"pools":[');
  await expect(startEmulator({ stateFile })).rejects.toThrow(StateFileError);
  await expect(startEmulator({ stateFile })).rejects.toThrow(/is not valid JSON.*left untouched/);
  writeFileSync(stateFile, '{"something":"else"}');
  await expect(startEmulator({ stateFile })).rejects.toThrow(/not an emulator state file/);
  expect(readFileSync(stateFile, 'utf8')).toBe('{"something":"else"}');
  writeFileSync(stateFile, '{"version":1,"pools":[],"identities":[{"identityId":"us-east-1:1"}]}');
  await expect(startEmulator({ stateFile })).rejects.toThrow(/damaged: identities\[0\] is not an identity record/);

  const run = runCli(['--port', '0', '--state', stateFile]);
  expect(await run.exited).toBe(1);
  expect(run.stderr()).toContain('is damaged: identities[0] is not an identity record');
  expect(run.stdout()).toBe('');
});

test('as a child process: state is flushed on SIGTERM and loaded by the next run', async () => {
  const stateFile = tempFile();
  const first = await startChild(['--port', '0', '--state', stateFile]);
  const client1 = localClient(first.endpoint, { maxAttempts: 1 });
  const poolId = await createPool(client1);
  const identityId = await registerUser(client1, poolId, 'persisted-user');
  client1.destroy();
  first.child.kill('SIGTERM');
  expect(await first.exited).toBe(0);

  const second = await startChild(['--port', '0', '--state', stateFile]);
  const client2 = localClient(second.endpoint, { maxAttempts: 1 });
  try {
    expect((await client2.send(new LookupDeveloperIdentityCommand({ IdentityPoolId: poolId, DeveloperUserIdentifier: 'persisted-user' }))).IdentityId).toBe(
      identityId,
    );
  } finally {
    client2.destroy();
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  }
});
