// What the provider process prints: only the handshake line on stdout, only
// hclog JSON on stderr, and no secret anywhere, even with TF_LOG=trace.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { LOCAL_CREDENTIALS } from '../../examples/demo/local-emulator';
import { startTestEmulator, type TestEmulator } from '../support/emulator';
import { newCase } from '../support/e2e';
import { capturingMirror } from '../support/mirrors';
import { mergeOf, mergeResource } from '../support/provider-hcl';
import { expectExit } from '../support/terraform';

let env: TestEmulator;

beforeAll(async () => {
  env = await startTestEmulator();
});

afterAll(async () => {
  await env?.stop();
});

test('the provider writes only the go-plugin handshake line to stdout', async () => {
  let capture = '';
  const { ws, pool, configure } = await newCase(env, 'stdout', 2, {
    ourMirror: (dir) => capturingMirror(dir, { stdout: (capture = path.join(dir, 'provider-stdout.log')) }),
  });
  const [src, dst] = pool.users;
  configure(mergeResource('m', mergeOf(pool, src, dst)));
  expectExit(await ws.apply(), 0, 'terraform apply');
  expectExit(await ws.destroy(), 0, 'terraform destroy');

  const lines = fs
    .readFileSync(capture, 'utf8')
    .split('\n')
    .filter((l) => l !== '');
  // One provider process per init/plan/apply phase; each printed exactly its handshake.
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    expect(line).toMatch(/^1\|6\|(unix|tcp)\|[^|]+\|grpc\|[A-Za-z0-9+/]*$/);
  }
  ws.cleanup();
});

test("the provider's stderr holds only hclog JSON lines, Node's own warnings included", async () => {
  let capture = '';
  const { ws, pool, configure } = await newCase(env, 'stderr', 2, {
    ourMirror: (dir) => capturingMirror(dir, { stderr: (capture = path.join(dir, 'provider-stderr.log')) }),
  });
  const [src, dst] = pool.users;
  configure(mergeResource('m', mergeOf(pool, src, dst)));
  expectExit(await ws.run(['apply', '-no-color', '-input=false', '-auto-approve'], { TF_LOG_PROVIDER: 'trace' }), 0, 'terraform apply');

  const lines = fs
    .readFileSync(capture, 'utf8')
    .split('\n')
    .filter((l) => l !== '');
  expect(lines.length).toBeGreaterThan(0);
  const notHclog = lines.filter((line) => {
    try {
      const entry = JSON.parse(line) as Record<string, unknown>;
      return typeof entry['@level'] !== 'string' || typeof entry['@message'] !== 'string';
    } catch {
      return true;
    }
  });
  expect(notHclog).toEqual([]);
  // On Node < 22 the AWS SDK emits a Node-version warning: it must be among the hclog lines.
  if (Number(process.versions.node.split('.')[0]) < 22) {
    expect(lines.some((l) => l.includes('node: Warning: NodeVersionSupportWarning'))).toBe(true);
  }
  ws.cleanup();
});

test('TF_LOG=trace output and the state hold no secret_key', async () => {
  const { ws, pool, configure } = await newCase(env, 'no-secret', 2);
  const [src, dst] = pool.users;
  configure(mergeResource('m', mergeOf(pool, src, dst)));
  const traced = await ws.run(['apply', '-no-color', '-input=false', '-auto-approve'], { TF_LOG: 'trace' });
  expectExit(traced, 0, 'terraform apply with TF_LOG=trace');
  const refreshed = await ws.run(['plan', '-no-color', '-input=false'], { TF_LOG: 'trace' });
  expectExit(refreshed, 0, 'terraform plan with TF_LOG=trace');
  // The trace really includes the provider's own log lines, so the check covers them.
  expect(traced.stderr).toMatch(/provider\.terraform-provider-cognitoidentity/);

  const state = fs.readFileSync(path.join(ws.dir, 'terraform.tfstate'), 'utf8');
  for (const [what, text] of [
    ['apply with TF_LOG=trace', traced.stdout + traced.stderr],
    ['plan with TF_LOG=trace', refreshed.stdout + refreshed.stderr],
    ['state', state],
  ] as const) {
    expect({ what, leaked: text.includes(LOCAL_CREDENTIALS.secretAccessKey) }).toEqual({ what, leaked: false });
  }
  ws.cleanup();
});

test('with TF_LOG=debug every Cognito call attempt is one hclog JSON line: operation, pool, attempt, duration, outcome', async () => {
  let capture = '';
  const { ws, pool, configure } = await newCase(env, 'call-log', 2, {
    ourMirror: (dir) => capturingMirror(dir, { stderr: (capture = path.join(dir, 'provider-stderr.log')) }),
  });
  const [src, dst] = pool.users;
  const missing = { ...mergeOf(pool, src, dst), source_user_identifier: 'no-such-user' };
  configure(mergeResource('m', mergeOf(pool, src, dst)) + mergeResource('missing', missing));
  expectExit(await ws.plan(), 1, 'terraform plan (one unknown user)');
  // No debug lines without TF_LOG: the capture so far is from a run with it unset.
  const quiet = fs.readFileSync(capture, 'utf8');
  expect(quiet).not.toContain('"cognito call"');
  expectExit(await ws.run(['plan', '-no-color', '-input=false'], { TF_LOG: 'debug' }), 1, 'terraform plan with TF_LOG=debug');

  const calls = fs
    .readFileSync(capture, 'utf8')
    .slice(quiet.length)
    .split('\n')
    .filter((l) => l.includes('"cognito call"'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const ok = calls.find((c) => c.operation === 'LookupDeveloperIdentity' && c.outcome === 'ok');
  expect(ok).toMatchObject({ '@level': 'debug', pool: pool.poolId, region: 'us-east-1', attempt: 1 });
  expect(typeof ok?.duration_ms).toBe('number');
  const failed = calls.find((c) => c.outcome === 'error');
  expect(failed).toMatchObject({ operation: 'LookupDeveloperIdentity', pool: pool.poolId, error_code: 'ResourceNotFoundException', http_status: 400 });
  // Not tied to the RPC that created the client (ConfigureProvider).
  expect(calls.every((c) => c.tf_rpc === undefined)).toBe(true);
  ws.cleanup();
});
