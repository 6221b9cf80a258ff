// Many sources merged into one destination identity through `for_each`.
//
// Whether Cognito counts developer user ids toward the 20 linked logins of an
// identity is not documented. With the default (they count), plan refuses a
// fan-in that would pass 20 before anything is merged, even though each merge
// looks fine alone. With `count_developer_ids_as_linked_logins = false` and an
// emulator that counts public logins only, 50 sources go into one identity at
// Terraform's default parallelism under the quota rate limits.

import { quotaPreset } from '../../emulator/src/faults';
import { lookupUser, startTestEmulator, type TestEmulator, type TestPool } from '../support/emulator';
import { newCase } from '../support/e2e';
import { hclString } from '../support/hcl';
import { expectExit } from '../support/terraform';
import { first } from '../support/lists';

const SOURCES = 50;
// Rate limits make this slow by design (5 requests/s for merges and lookups), so it gets a generous guard.
const FAN_IN_GUARD_MS = 540_000;

function fanIn(pool: TestPool, sources: string[], destination: string): string {
  return `
resource "cognitoidentity_merged_identity" "m" {
  for_each                    = toset(${JSON.stringify(sources)})
  identity_pool_id            = ${hclString(pool.poolId)}
  developer_provider_name     = ${hclString(pool.providerName)}
  source_user_identifier      = each.key
  destination_user_identifier = ${hclString(destination)}
}
`;
}

describe('developer user ids count toward the limit (the default)', () => {
  let env: TestEmulator;
  beforeAll(async () => {
    env = await startTestEmulator();
  });
  afterAll(async () => {
    await env?.stop();
  });

  test('plan refuses 25 sources into one identity, naming the limit, and nothing is merged', async () => {
    const { ws, pool, configure } = await newCase(env, 'fan-in-refused', 26);
    const [dst, ...sources] = pool.users;
    configure(
      fanIn(
        pool,
        sources.map((s) => s.userId),
        dst.userId,
      ),
    );
    const r = await ws.plan();
    if (r.code !== 1) throw new Error(`plan exited ${r.code}:\n${r.stdout}\n${r.stderr}`);
    expect(r.stderr).toContain('Too many linked logins for a merge');
    // Terraform wraps diagnostic text, so words may be split by any whitespace.
    expect(r.stderr).toMatch(/other\s+merges\s+in\s+this\s+plan\s+move\s+\d+\s+more\s+developer\s+user\(s\)\s+into\s+it/);
    expect(r.stderr).toContain('count_developer_ids_as_linked_logins');
    expect(env.emulator.stats().merges).toBe(0);
    ws.cleanup();
  });
});

describe('developer user ids do not count (count_developer_ids_as_linked_logins = false)', () => {
  let env: TestEmulator;
  beforeAll(async () => {
    env = await startTestEmulator({ loginLimitCounts: 'public' });
  });
  afterAll(async () => {
    await env?.stop();
  });

  test(
    `for_each over ${SOURCES} sources into one destination at default parallelism under the quota rate limits`,
    async () => {
      const { ws, pool, configure } = await newCase(env, 'fan-in', SOURCES + 1);
      ws.guardMs = FAN_IN_GUARD_MS;
      const dst = first(pool.users, 'the users');
      const sources = pool.users.slice(1);
      configure(
        fanIn(
          pool,
          sources.map((s) => s.userId),
          dst.userId,
        ),
        { count_developer_ids_as_linked_logins: false },
      );
      env.emulator.setFaults(quotaPreset());
      env.emulator.resetStats();

      const apply = expectExit(await ws.apply(), 0, `terraform apply of ${SOURCES} merges into one identity under rate limits`);
      expect(apply.stdout).toMatch(new RegExp(`${SOURCES} added, 0 changed, 0 destroyed`));
      const stats = env.emulator.stats();
      expect(stats.merges).toBe(SOURCES);
      // The limits were really in force: some calls were throttled and retried.
      expect(Object.values(stats.throttled).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);

      env.emulator.setFaults({});
      const hub = await lookupUser(env.client, pool.poolId, dst.userId);
      expect(hub.identityId).toBe(dst.identityId);
      expect([...hub.userIds].sort()).toEqual(pool.users.map((u) => u.userId).sort());
      // State agrees: every resource holds the destination identity, and its read-back list holds its source
      // and the destination (the full list shows after the next refresh, as merges landed in parallel).
      const inState = (await ws.resources()).filter((r) => r.type === 'cognitoidentity_merged_identity');
      expect(inState).toHaveLength(SOURCES);
      for (const r of inState) {
        expect(r.values.identity_id).toBe(dst.identityId);
        expect(r.values.developer_user_identifiers).toEqual(expect.arrayContaining([r.values.source_user_identifier, dst.userId]));
      }
      env.emulator.resetStats();
      expectExit(await ws.plan('-detailed-exitcode'), 0, `terraform plan after ${SOURCES} merges`);
      // The refresh reads the one destination identity once, for all its resources.
      expect(env.emulator.stats().calls['LookupDeveloperIdentity']).toBe(1);
      ws.cleanup();
    },
    FAN_IN_GUARD_MS + 60_000,
  );
});
