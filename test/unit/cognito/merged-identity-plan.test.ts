// Planning a merge: every check happens before anything irreversible, and
// plan itself never merges.

import { mergedIdentityResource as resource } from '../../../provider/src/cognito/merged-identity';
import type { CognitoClients } from '../../../provider/src/cognito/clients';
import { UNKNOWN, isUnknown, type ObjectValue } from '../../../provider/src/framework/values';
import {
  attributesOf,
  configure,
  context,
  createPool,
  createUser,
  errors,
  identityOf,
  mergeConfig,
  startHarness,
  stateFor,
  text,
  type Harness,
  type Pool,
} from './harness';
import { first } from '../../support/lists';

const noPrivate = new Uint8Array();

describe('merged_identity plan', () => {
  let h: Harness;
  let clients: CognitoClients;
  let pool: Pool;
  let dstIdentity: string;
  let srcIdentity: string;

  beforeAll(async () => {
    h = await startHarness();
    clients = await configure(h.emulator.endpoint);
    pool = await createPool(h.sdk);
    dstIdentity = await createUser(h.sdk, pool, 'dst');
    srcIdentity = await createUser(h.sdk, pool, 'src');
  });
  afterAll(() => h.stop());
  beforeEach(() => h.emulator.resetStats());

  const planCreate = (config: ReturnType<typeof mergeConfig>, c: CognitoClients = clients) =>
    resource.plan(c, { priorState: null, proposedNewState: config, config, priorPrivate: noPrivate }, context());

  it('plans a create with the destination identity known and the merged list unknown, merging nothing', async () => {
    const config = mergeConfig(pool, 'src', 'dst');
    const result = await planCreate(config);
    expect(result.diagnostics).toEqual([]);
    const planned = result.plannedState!;
    expect(planned.id).toBe(`${pool.poolId},${pool.provider},src,dst`);
    expect(planned.identity_id).toBe(dstIdentity);
    expect(isUnknown(planned.developer_user_identifiers)).toBe(true);
    for (const name of ['identity_pool_id', 'developer_provider_name', 'source_user_identifier', 'destination_user_identifier', 'on_destroy']) {
      expect(planned[name]).toEqual(config[name]);
    }
    expect(planned.moving_users).toEqual(['src']);
    expect(planned.moving_public_logins).toBe(0);
    // Both identities as plan saw them, for apply to compare just before it merges; "partial": listed by user
    // while no answer has yet shown that such a lookup lists the whole identity.
    expect(JSON.parse(Buffer.from(result.plannedPrivate!).toString())).toEqual({
      source: { identityId: srcIdentity, users: ['src'], publicLogins: 0, partial: true },
      destination: { identityId: dstIdentity, users: ['dst'], publicLogins: null, partial: true },
    });
    expect(h.emulator.stats().merges).toBe(0);
    expect(h.emulator.stats().calls.MergeDeveloperIdentities).toBeUndefined();
    expect(await identityOf(h.sdk, pool, 'src')).toBe(srcIdentity);
  });

  it('plans with an unknown source: destination looked up, id unknown', async () => {
    const result = await planCreate(mergeConfig(pool, UNKNOWN, 'dst'));
    expect(result.diagnostics).toEqual([]);
    expect(isUnknown(result.plannedState!.id)).toBe(true);
    expect(result.plannedState!.identity_id).toBe(dstIdentity);
    expect(isUnknown(result.plannedState!.source_user_identifier)).toBe(true);
  });

  it('plans with an unknown pool without calling Cognito', async () => {
    const config = { ...mergeConfig(pool, 'src', 'dst'), identity_pool_id: UNKNOWN };
    const result = await planCreate(config);
    expect(result.diagnostics).toEqual([]);
    expect(isUnknown(result.plannedState!.identity_id)).toBe(true);
    expect(isUnknown(result.plannedState!.id)).toBe(true);
    expect(h.emulator.stats().calls).toEqual({});
  });

  it('plans an adoption when the source is already on the destination identity', async () => {
    const p = await createPool(h.sdk);
    const dst = await createUser(h.sdk, p, 'd');
    await createUser(h.sdk, p, 's');
    const c = await configure(h.emulator.endpoint);
    const session = await c.forPool(p.poolId);
    await session.api.merge(
      { identityPoolId: p.poolId, developerProviderName: p.provider, sourceUserIdentifier: 's', destinationUserIdentifier: 'd' },
      context().signal,
    );
    const result = await planCreate(mergeConfig(p, 's', 'd'), c);
    expect(result.diagnostics).toEqual([]);
    expect(result.plannedState!.identity_id).toBe(dst);
    expect(JSON.parse(Buffer.from(result.plannedPrivate!).toString())).toMatchObject({ adopt: true });
  });

  it.each([
    ['destination', 'src', 'ghost', 'destination_user_identifier'],
    ['source', 'ghost', 'dst', 'source_user_identifier'],
  ])('refuses an unknown %s user, naming the attribute', async (_role, src, dst, attribute) => {
    const result = await planCreate(mergeConfig(pool, src, dst));
    expect(errors(result.diagnostics)).toHaveLength(1);
    expect(attributesOf(result.diagnostics)).toEqual([attribute]);
    expect(text(result.diagnostics)).toMatch(/no developer user "ghost" in identity pool .*create it first \(GetOpenIdTokenForDeveloperIdentity\)/);
  });

  it('refuses a pool that does not exist', async () => {
    const missing = { poolId: 'us-east-1:00000000-0000-0000-0000-000000000000', provider: pool.provider };
    const result = await planCreate(mergeConfig(missing, 'src', 'dst'));
    expect(attributesOf(errors(result.diagnostics))).toEqual(['identity_pool_id']);
    expect(text(result.diagnostics)).toContain('does not exist in Region us-east-1');
  });

  it('refuses a developer provider name the pool does not use', async () => {
    const result = await planCreate({ ...mergeConfig(pool, 'src', 'dst'), developer_provider_name: 'other.provider' });
    expect(attributesOf(errors(result.diagnostics))).toEqual(['developer_provider_name']);
    expect(text(result.diagnostics)).toContain(`uses the developer provider name "${pool.provider}"`);
  });

  it('refuses a merge over 20 linked logins, counting public logins too', async () => {
    const p = await createPool(h.sdk, ['graph.facebook.com', 'accounts.google.com']);
    // Destination: 10 developer users + 1 Facebook login = 11; source: 9 developer users + 1 Google login = 10.
    await createUser(h.sdk, p, 'big-dst', { 'graph.facebook.com': 'fb-token' });
    for (let i = 0; i < 9; i++) await createUser(h.sdk, p, `dst-extra-${i}`, { 'graph.facebook.com': 'fb-token' });
    await createUser(h.sdk, p, 'big-src', { 'accounts.google.com': 'google-token' });
    for (let i = 0; i < 8; i++) await createUser(h.sdk, p, `src-extra-${i}`, { 'accounts.google.com': 'google-token' });
    h.emulator.resetStats();

    // Consent given: what moves is not the point here, the limit is.
    const result = await planCreate(mergeConfig(p, 'big-src', 'big-dst', { allow_moving_unnamed_logins: true }));
    expect(errors(result.diagnostics)).toHaveLength(1);
    expect(attributesOf(result.diagnostics)).toEqual(['source_user_identifier']);
    expect(text(result.diagnostics)).toMatch(/9 developer user\(s\) and 1 public login.*10 and 1.*21 linked logins.*at most 20/);
    expect(h.emulator.stats().calls.MergeDeveloperIdentities).toBeUndefined();
  });

  it('allows exactly 20 linked logins', async () => {
    const p = await createPool(h.sdk, ['graph.facebook.com']);
    await createUser(h.sdk, p, 'd20', { 'graph.facebook.com': 'fb' });
    for (let i = 0; i < 17; i++) await createUser(h.sdk, p, `d20-${i}`, { 'graph.facebook.com': 'fb' });
    await createUser(h.sdk, p, 's20');
    // 18 developer users + 1 public login + 1 source user = 20.
    const result = await planCreate(mergeConfig(p, 's20', 'd20'));
    expect(result.diagnostics).toEqual([]);
  });

  describe('many merges into one identity in one plan', () => {
    const SOURCES = 25;
    let p: Pool;
    const sources = Array.from({ length: SOURCES }, (_, i) => `fan-${i}`);
    beforeAll(async () => {
      p = await createPool(h.sdk);
      await createUser(h.sdk, p, 'fan-hub');
      for (const s of sources) await createUser(h.sdk, p, s);
    });

    it('counts the users other merges of the same plan move in: merges 20 and later are refused before any merge', async () => {
      const c = await configure(h.emulator.endpoint);
      const results = await Promise.all(sources.map((s) => planCreate(mergeConfig(p, s, 'fan-hub'), c)));
      const refused = results.filter((r) => errors(r.diagnostics).length > 0);
      // The hub itself + 19 sources = 20 linked logins; the 20th source and later would pass it.
      expect(refused).toHaveLength(SOURCES - 19);
      expect(text(first(refused, 'the refused plans').diagnostics)).toMatch(
        /other merges in this plan move \d+ more developer user\(s\) into it.*2\d linked logins/,
      );
      expect(h.emulator.stats().calls.MergeDeveloperIdentities).toBeUndefined();
    });

    it('planning the same merge again does not count it twice', async () => {
      const c = await configure(h.emulator.endpoint);
      const first19 = sources.slice(0, 19);
      for (const s of first19) expect(errors((await planCreate(mergeConfig(p, s, 'fan-hub'), c)).diagnostics)).toEqual([]);
      for (const s of first19) expect(errors((await planCreate(mergeConfig(p, s, 'fan-hub'), c)).diagnostics)).toEqual([]);
    });

    it('with count_developer_ids_as_linked_logins = false, all of them plan', async () => {
      const c = await configure(h.emulator.endpoint, { count_developer_ids_as_linked_logins: false });
      const results = await Promise.all(sources.map((s) => planCreate(mergeConfig(p, s, 'fan-hub'), c)));
      expect(results.flatMap((r) => r.diagnostics)).toEqual([]);
    });
  });

  it('plans many sources into one destination with about one lookup each', async () => {
    const p = await createPool(h.sdk);
    await createUser(h.sdk, p, 'hub');
    const sources = Array.from({ length: 10 }, (_, i) => `spoke-${i}`);
    for (const s of sources) await createUser(h.sdk, p, s);
    const c = await configure(h.emulator.endpoint);
    h.emulator.resetStats();
    const results = await Promise.all(sources.map((s) => planCreate(mergeConfig(p, s, 'hub'), c)));
    expect(results.flatMap((r) => r.diagnostics)).toEqual([]);
    const calls = h.emulator.stats().calls;
    // One lookup by user per user, whose list plan takes (apply re-reads by identity id before merging);
    // the shared destination only once. One DescribeIdentity per source.
    expect(calls.LookupDeveloperIdentity).toBe(sources.length + 1);
    expect(calls.DescribeIdentity).toBe(sources.length);
    expect(calls.DescribeIdentityPool).toBe(1);
  });

  it('defers every check while the provider configuration is unknown', async () => {
    const c = await configure(h.emulator.endpoint, { access_key: UNKNOWN });
    h.emulator.resetStats();
    const result = await planCreate(mergeConfig(pool, 'src', 'ghost'), c);
    expect(result.diagnostics).toEqual([]);
    expect(isUnknown(result.plannedState!.identity_id)).toBe(true);
    expect(h.emulator.stats().calls).toEqual({});
  });
});

describe('merged_identity plan: update and destroy', () => {
  let h: Harness;
  let clients: CognitoClients;
  let pool: Pool;

  beforeAll(async () => {
    h = await startHarness();
    clients = await configure(h.emulator.endpoint);
    pool = await createPool(h.sdk);
  });
  afterAll(() => h.stop());
  beforeEach(() => h.emulator.resetStats());

  const prior = (onDestroy: string | null = null): ObjectValue => ({
    ...stateFor(pool, 'src', 'dst', 'us-east-1:11111111-1111-1111-1111-111111111111', ['dst', 'src']),
    on_destroy: onDestroy,
  });
  const planUpdate = (priorState: ObjectValue, config: ObjectValue) => {
    // Core's proposal: config over prior, computed attributes from prior.
    const proposed = {
      ...config,
      id: priorState.id ?? null,
      identity_id: priorState.identity_id ?? null,
      developer_user_identifiers: priorState.developer_user_identifiers ?? null,
    };
    return resource.plan(clients, { priorState, proposedNewState: proposed, config, priorPrivate: Buffer.from('{"adopt":false}') }, context());
  };
  const configOf = (state: ObjectValue): ObjectValue => ({ ...state, id: null, identity_id: null, developer_user_identifiers: null });

  it('returns the prior state unchanged when nothing changed, without calling Cognito', async () => {
    const p = prior('warn');
    const result = await planUpdate(p, configOf(p));
    expect(result.diagnostics).toEqual([]);
    expect(result.plannedState).toEqual(p);
    expect(result.requiresReplace ?? []).toEqual([]);
    // The prior notes, plus what a forced replacement (-replace) needs at its second plan call.
    expect(JSON.parse(Buffer.from(result.plannedPrivate!).toString())).toEqual({
      adopt: false,
      replaces: { onDestroy: 'warn', merge: 'developer users "src" and "dst"' },
    });
    expect(h.emulator.stats().calls).toEqual({});
  });

  it('updates on_destroy in place', async () => {
    const p = prior(null);
    const result = await planUpdate(p, { ...configOf(p), on_destroy: 'error' });
    expect(result.diagnostics).toEqual([]);
    expect(result.requiresReplace ?? []).toEqual([]);
    expect(result.plannedState).toEqual({ ...p, on_destroy: 'error' });
  });

  it('replaces when an identifying attribute changes', async () => {
    const p = prior();
    const result = await planUpdate(p, { ...configOf(p), source_user_identifier: 'other', destination_user_identifier: UNKNOWN });
    expect(result.diagnostics.map((d) => [d.severity, d.summary])).toEqual([['warning', 'The merge stays in Cognito']]);
    expect(result.requiresReplace).toEqual([[{ attribute: 'source_user_identifier' }], [{ attribute: 'destination_user_identifier' }]]);
    expect(result.plannedState!.source_user_identifier).toBe('other');
    expect(isUnknown(result.plannedState!.identity_id)).toBe(true);
    expect(isUnknown(result.plannedState!.developer_user_identifiers)).toBe(true);
  });

  it('refuses a replacement while on_destroy = "error"', async () => {
    const p = prior('error');
    const result = await planUpdate(p, { ...configOf(p), source_user_identifier: 'other' });
    expect(attributesOf(errors(result.diagnostics))).toEqual(['on_destroy']);
    expect(text(result.diagnostics)).toMatch(/on_destroy = "warn".*terraform state rm/);
  });

  it('warns at plan that a destroy leaves the merge in Cognito', async () => {
    const result = await resource.plan(clients, { priorState: prior('warn'), proposedNewState: null, config: null, priorPrivate: noPrivate }, context());
    expect(result.plannedState).toBeNull();
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]?.severity).toBe('warning');
    expect(text(result.diagnostics)).toMatch(/cannot be undone.*stay merged in Cognito/);
  });

  it('refuses at plan to destroy with on_destroy = "error", explaining the way out', async () => {
    const result = await resource.plan(clients, { priorState: prior('error'), proposedNewState: null, config: null, priorPrivate: noPrivate }, context());
    expect(result.plannedState).toBeNull();
    expect(attributesOf(errors(result.diagnostics))).toEqual(['on_destroy']);
    expect(text(result.diagnostics)).toMatch(/set on_destroy = "warn" and apply.*terraform state rm/);
    expect(h.emulator.stats().calls).toEqual({});
  });
});
