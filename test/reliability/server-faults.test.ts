// Server faults during apply and refresh: random InternalErrorException and
// dropped connections. The apply converges (at most one re-run), nothing is
// merged twice, state matches Cognito, and a read that fails is reported as an
// error: it never makes Terraform think a merge is gone.

import { startTestEmulator, type TestEmulator } from '../support/emulator';
import { expectNoCrash, newCase, type E2eCase } from '../support/e2e';
import { expectMergedInCognito, expectStateMatches, forEachMerges, roundRobin, type MergePlan } from '../support/reliability-hcl';
import { describeResult, type ProcessResult } from '../support/process';
import { expectExit } from '../support/terraform';
import type { FaultConfig } from '../../emulator/src/types';
import { last } from '../support/lists';

const DESTINATIONS = 4;
const SOURCES = 16;
// A hang guard for tests that run several Terraform commands on a loaded machine; not a pass criterion.
const TEST_GUARD_MS = 480_000;
/** 10% internal errors and 5% dropped connections on every operation. */
const RANDOM_FAULTS: FaultConfig = { internalErrorRate: 0.1, dropConnectionRate: 0.05 };

let env: TestEmulator;
let c: E2eCase;
let plan: MergePlan;

beforeAll(async () => {
  env = await startTestEmulator();
  c = await newCase(env, 'server-faults', DESTINATIONS + SOURCES);
  plan = roundRobin(c.pool.users.slice(DESTINATIONS), c.pool.users.slice(0, DESTINATIONS));
});

afterEach(() => {
  env.emulator.setFaults({});
});

afterAll(async () => {
  await env?.stop();
});

/** Addresses of the merge resources in state. */
async function stateAddresses(): Promise<string[]> {
  return (await c.ws.resources()).map((r) => r.address).sort();
}

// Tests in this file run in order and build on each other's state.

test(
  'apply under random faults converges after at most one re-run, merging each pair once',
  async () => {
    c.configure(forEachMerges('m', c.pool, plan));
    env.emulator.resetStats();
    // Some merges also commit and then lose their answer, so a retry meets an already-done merge.
    env.emulator.setFaults({
      ...RANDOM_FAULTS,
      rules: [
        { operation: 'MergeDeveloperIdentities', kind: 'internal-error', phase: 'after', count: 2 },
        { operation: 'MergeDeveloperIdentities', kind: 'drop', phase: 'after', count: 2 },
      ],
    });

    const firstRun = await c.ws.apply();
    const runs: ProcessResult[] = firstRun.code === 0 ? [firstRun] : [firstRun, await c.ws.apply()];
    for (const r of runs) expectNoCrash(r);
    expectExit(last(runs, 'the apply runs'), 0, `terraform apply under faults (run ${runs.length})`);

    const stats = env.emulator.stats();
    // The faults really happened.
    expect(Object.values(stats.faulted).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(stats.merges).toBe(SOURCES);

    env.emulator.setFaults({});
    expectStateMatches(await c.ws.resources(), plan);
    await expectMergedInCognito(env, c.pool, plan);
    expectExit(await c.ws.plan('-detailed-exitcode'), 0, 'terraform plan after the faulty apply');
    expect(env.emulator.stats().merges).toBe(SOURCES);
  },
  TEST_GUARD_MS,
);

test('with default retries, a refresh under random faults succeeds and changes nothing', async () => {
  const before = await stateAddresses();
  env.emulator.setFaults(RANDOM_FAULTS);
  const r = await c.ws.plan('-detailed-exitcode');
  expectNoCrash(r);
  expectExit(r, 0, 'terraform plan -detailed-exitcode under random faults');
  expect(await stateAddresses()).toEqual(before);
});

test(
  'a failed read is an error, never "gone": refresh-only runs keep every resource',
  async () => {
    // One attempt per call, so faults reach Terraform instead of being retried away.
    c.configure(forEachMerges('m', c.pool, plan), { max_retries: 1 });
    const before = await stateAddresses();
    expect(before).toHaveLength(SOURCES);

    // The first lookups fail for sure (one error, one dropped connection), the rest at random.
    const faults = (): FaultConfig => ({
      ...RANDOM_FAULTS,
      rules: [
        { operation: 'LookupDeveloperIdentity', kind: 'internal-error', count: 1 },
        { operation: 'LookupDeveloperIdentity', kind: 'drop', count: 1 },
      ],
    });

    env.emulator.setFaults(faults());
    const planned = await c.ws.plan('-refresh-only');
    expectNoCrash(planned);
    expectFailedRead(planned, 'terraform plan -refresh-only under faults');

    for (let round = 0; round < 2; round++) {
      env.emulator.setFaults(faults());
      const applied = await c.ws.apply('-refresh-only');
      expectNoCrash(applied);
      expectFailedRead(applied, `terraform apply -refresh-only under faults (round ${round})`);
      env.emulator.setFaults({});
      expect(await stateAddresses()).toEqual(before);
    }

    // Without faults, the refresh is clean and the state still matches Cognito.
    expectExit(await c.ws.apply('-refresh-only'), 0, 'terraform apply -refresh-only without faults');
    expectStateMatches(await c.ws.resources(), plan);
    expectExit(await c.ws.plan('-detailed-exitcode'), 0, 'terraform plan after the faulty refreshes');
    expect(env.emulator.stats().merges).toBe(SOURCES);
    c.ws.cleanup();
  },
  TEST_GUARD_MS,
);

/** The run failed, saying a read of a merge failed, and planned no deletion. */
function expectFailedRead(r: ProcessResult, label: string): void {
  const all = r.stdout + r.stderr;
  if (r.code !== 1) throw new Error(`expected exit 1 (a failed read)\n${describeResult(label, r)}`);
  expect(r.stderr).toMatch(/Error:/);
  expect(r.stderr).toMatch(/with cognitoidentity_merged_identity\.m\[/);
  expect(r.stderr).toMatch(/LookupDeveloperIdentity|InternalError|connection|socket/i);
  // Terraform would say this if a read had reported a merge as gone.
  expect(all).not.toMatch(/has been deleted|will be destroyed|must be replaced/);
}
