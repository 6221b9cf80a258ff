/** The `cognito-identity-emulator` CLI as a child process. */
import { CognitoIdentityClient, GetIdCommand } from '@aws-sdk/client-cognito-identity';
import { runCli, startChild } from './child-process';
import { createPool, DUMMY_CREDENTIALS } from './helpers';

test('prints the endpoint as the first stdout line, serves, logs to stderr and exits 0 on SIGTERM', async () => {
  const run = await startChild(['--port', '0', '--rate-limit', 'GetId=100', '--latency-ms', '0']);
  expect(run.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  const client = new CognitoIdentityClient({ endpoint: run.endpoint, region: 'us-east-1', credentials: DUMMY_CREDENTIALS, maxAttempts: 1 });
  const poolId = await createPool(client);
  expect((await client.send(new GetIdCommand({ IdentityPoolId: poolId }))).IdentityId).toBeDefined();
  client.destroy();
  run.child.kill('SIGTERM');
  expect(await run.exited).toBe(0);
  expect(run.stderr()).toContain('GetId 200');
});

test('--credentials turns on signature verification and the secret is never logged', async () => {
  const run = await startChild(['--port', '0', '--credentials', `${DUMMY_CREDENTIALS.accessKeyId}:${DUMMY_CREDENTIALS.secretAccessKey}`]);
  const good = new CognitoIdentityClient({ endpoint: run.endpoint, region: 'us-east-1', credentials: DUMMY_CREDENTIALS, maxAttempts: 1 });
  const bad = new CognitoIdentityClient({
    endpoint: run.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: DUMMY_CREDENTIALS.accessKeyId, secretAccessKey: 'wrong' },
    maxAttempts: 1,
  });
  await createPool(good);
  await expect(createPool(bad)).rejects.toMatchObject({ name: 'InvalidSignatureException' });
  good.destroy();
  bad.destroy();
  run.child.kill('SIGINT');
  expect(await run.exited).toBe(0);
  expect(run.stderr()).not.toContain(DUMMY_CREDENTIALS.secretAccessKey);
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
