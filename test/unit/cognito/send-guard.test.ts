// The guard a merge carries (merged-identity-merge.ts): it runs as each
// attempt leaves its send slot, and when it throws, that attempt never
// reaches Cognito. Checked through the emulator's own request count.
import { configure, context, createPool, createUser, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

test("a merge whose guard throws is not sent, and fails with the guard's error", async () => {
  const pool = await createPool(h.sdk);
  await createUser(h.sdk, pool, 'a');
  await createUser(h.sdk, pool, 'b');
  const session = await (await configure(h.emulator.endpoint)).forPool(pool.poolId);
  h.emulator.resetStats();
  const stale = Object.assign(new Error('too old'), { name: 'StaleCheckError' });
  const key = { identityPoolId: pool.poolId, developerProviderName: pool.provider, sourceUserIdentifier: 'a', destinationUserIdentifier: 'b' };

  await expect(
    session.api.merge(key, context().signal, () => {
      throw stale;
    }),
  ).rejects.toBe(stale);
  expect(h.emulator.stats().calls.MergeDeveloperIdentities).toBeUndefined();

  let guarded = 0;
  await session.api.merge(key, context().signal, () => void guarded++);
  expect(guarded).toBe(1);
  expect(h.emulator.stats().merges).toBe(1);
});
