// A throttling storm: 100 merges at Terraform's default parallelism (10)
// against an emulator that admits only 5 requests/s of MergeDeveloperIdentities
// and of LookupDeveloperIdentity. The provider's retries must absorb every
// ThrottlingException: each merge lands exactly once and nothing fails.
// There is no timing assertion; the rate limits only make it slow.

import { startTestEmulator, type TestEmulator } from '../support/emulator';
import { newCase } from '../support/e2e';
import { expectMergedInCognito, expectStateMatches, forEachMerges, roundRobin, total } from '../support/reliability-hcl';
import { expectExit } from '../support/terraform';

const DESTINATIONS = 10;
const SOURCES_PER_DESTINATION = 10;
const SOURCES = DESTINATIONS * SOURCES_PER_DESTINATION;
// Hang guards only: at 5 rps the apply alone needs 100 merges + ~300 lookups, well over a minute.
const COMMAND_GUARD_MS = 600_000;

let env: TestEmulator;

beforeAll(async () => {
  env = await startTestEmulator();
});

afterAll(async () => {
  await env?.stop();
});

test(
  `${SOURCES} merges under 5 rps limits on merge and lookup: each lands exactly once`,
  async () => {
    const { ws, pool, configure } = await newCase(env, 'throttling-storm', DESTINATIONS + SOURCES);
    ws.guardMs = COMMAND_GUARD_MS;
    const plan = roundRobin(pool.users.slice(DESTINATIONS), pool.users.slice(0, DESTINATIONS));
    configure(forEachMerges('m', pool, plan));

    env.emulator.resetStats();
    env.emulator.setFaults({ rateLimits: { MergeDeveloperIdentities: 5, LookupDeveloperIdentity: 5 } });

    const apply = expectExit(await ws.apply(), 0, `terraform apply of ${SOURCES} merges under rate limits`);
    expect(apply.stdout).toMatch(new RegExp(`Apply complete! Resources: ${SOURCES} added, 0 changed, 0 destroyed`));
    const stats = env.emulator.stats();
    expect(stats.merges).toBe(SOURCES);
    // The storm was real: the limits rejected calls, which the provider retried.
    expect(total(stats.throttled)).toBeGreaterThan(0);

    // The state agrees with Cognito, checked without limits.
    env.emulator.setFaults({});
    expectStateMatches(await ws.resources(), plan);
    await expectMergedInCognito(env, pool, plan);

    // And Terraform sees nothing left to do, even with the limits back on during refresh.
    env.emulator.setFaults({ rateLimits: { MergeDeveloperIdentities: 5, LookupDeveloperIdentity: 5 } });
    expectExit(await ws.plan('-detailed-exitcode'), 0, 'terraform plan -detailed-exitcode after the storm');
    expect(env.emulator.stats().merges).toBe(SOURCES);
    ws.cleanup();
  },
  3 * COMMAND_GUARD_MS,
);
