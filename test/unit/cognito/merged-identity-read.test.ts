// Refresh and import: "gone" only on a definite answer from Cognito, errors
// keep the state, and many resources sharing a destination cost one lookup.

import { DeleteIdentityPoolCommand } from '@aws-sdk/client-cognito-identity';
import type { CognitoClients } from '../../../provider/src/cognito/clients';
import { mergedIdentityResource as resource } from '../../../provider/src/cognito/merged-identity';
import type { ObjectValue } from '../../../provider/src/framework/values';
import { attributesOf, configure, context, createPool, createUser, errors, startHarness, stateFor, text, unlink, type Harness, type Pool } from './harness';
import { waitFor } from '../../support/wait';

const noPrivate = new Uint8Array();

describe('merged_identity read', () => {
  let h: Harness;
  let clients: CognitoClients;

  beforeAll(async () => {
    h = await startHarness();
    clients = await configure(h.emulator.endpoint);
  });
  afterAll(() => h.stop());
  afterEach(() => {
    h.emulator.setFaults({});
    h.emulator.resetStats();
  });

  /** A pool where `src` is merged into `dst`; returns the state Terraform would hold. */
  async function merged(): Promise<{ pool: Pool; identity: string; state: ObjectValue }> {
    const pool = await createPool(h.sdk);
    const identity = await createUser(h.sdk, pool, 'dst');
    await createUser(h.sdk, pool, 'src');
    const session = await clients.forPool(pool.poolId);
    await session.api.merge(
      { identityPoolId: pool.poolId, developerProviderName: pool.provider, sourceUserIdentifier: 'src', destinationUserIdentifier: 'dst' },
      context().signal,
    );
    return { pool, identity, state: { ...stateFor(pool, 'src', 'dst', identity, ['dst', 'src']), on_destroy: 'warn' } };
  }
  const read = (c: CognitoClients, state: ObjectValue, signal?: AbortSignal) => resource.read(c, { currentState: state, private: noPrivate }, context(signal));

  it('confirms a merge that is still in place', async () => {
    const { pool, state } = await merged();
    await createUser(h.sdk, pool, 'unrelated');
    const fresh = await configure(h.emulator.endpoint);
    const result = await read(fresh, state);
    expect(result.diagnostics).toEqual([]);
    expect(result.newState).toEqual(state);
  });

  it('reports the merge gone after the source is unlinked out of band', async () => {
    const { pool, identity, state } = await merged();
    await unlink(h.sdk, pool, identity, 'src');
    const result = await read(await configure(h.emulator.endpoint), state);
    expect(result).toEqual({ newState: null, diagnostics: [] });
  });

  it('reports the merge gone when the pool is deleted', async () => {
    const { pool, state } = await merged();
    await h.sdk.send(new DeleteIdentityPoolCommand({ IdentityPoolId: pool.poolId }));
    const result = await read(await configure(h.emulator.endpoint), state);
    expect(result).toEqual({ newState: null, diagnostics: [] });
  });

  it('keeps the state and reports an error when Cognito keeps failing', async () => {
    const { state } = await merged();
    h.emulator.setFaults({ internalErrorRate: 1 });
    const result = await read(await configure(h.emulator.endpoint), state);
    expect(result.newState).toBe(state);
    expect(errors(result.diagnostics)).toHaveLength(1);
    expect(text(result.diagnostics)).toMatch(/Cognito service error.*InternalErrorException.*run the command again/);
  });

  it('keeps the state and suggests lower parallelism when throttling outlasts the retries', async () => {
    const { state } = await merged();
    h.emulator.setFaults({ rules: [{ operation: 'LookupDeveloperIdentity', kind: 'throttle', count: 100 }] });
    const result = await read(await configure(h.emulator.endpoint, { max_retries: 2 }), state);
    expect(result.newState).toBe(state);
    expect(text(result.diagnostics)).toMatch(/throttled.*-parallelism.*max_retries.*quota increase/);
    expect(h.emulator.stats().calls.LookupDeveloperIdentity).toBe(2);
  });

  it('looks the identity up again when the state has none (after an import)', async () => {
    const { identity, state } = await merged();
    const result = await read(await configure(h.emulator.endpoint), { ...state, identity_id: null, developer_user_identifiers: null });
    expect(result.newState).toEqual({ ...state, identity_id: identity });
  });

  it('refreshes 20 resources sharing a destination with about one lookup', async () => {
    const pool = await createPool(h.sdk, ['graph.facebook.com']);
    const identity = await createUser(h.sdk, pool, 'shared-dst', { 'graph.facebook.com': 'fb-shared' });
    // Link 20 sources onto the destination identity through its Facebook login.
    for (let i = 0; i < 20; i++) await createUser(h.sdk, pool, `shared-src-${i}`, { 'graph.facebook.com': 'fb-shared' });
    const users = ['shared-dst', ...Array.from({ length: 20 }, (_, i) => `shared-src-${i}`)];
    const states = users.slice(1).map((src) => ({ ...stateFor(pool, src, 'shared-dst', identity, users), on_destroy: null }));
    const fresh = await configure(h.emulator.endpoint);
    h.emulator.resetStats();

    const results = await Promise.all(states.map((s) => read(fresh, s)));
    results.forEach((r, i) => {
      expect(r.diagnostics).toEqual([]);
      expect(r.newState).toEqual(states[i]);
    });
    const calls = h.emulator.stats().calls.LookupDeveloperIdentity ?? 0;
    expect(calls).toBeGreaterThanOrEqual(1);
    expect(calls / states.length).toBeLessThanOrEqual(1.1);
  });

  it('stops a slow call when Terraform asks the provider to stop', async () => {
    const { state } = await merged();
    // Without a working abort the read would wait this out and then succeed, failing the expectations below.
    h.emulator.setFaults({ latencyMs: { LookupDeveloperIdentity: 3000 } });
    h.emulator.resetStats();
    const lookups = (outcome: 'calls' | 'succeeded'): number => h.emulator.stats()[outcome].LookupDeveloperIdentity ?? 0;
    const controller = new AbortController();
    const pending = read(await configure(h.emulator.endpoint), state, controller.signal);
    // Stop once the lookup is inside the emulator's delay.
    await waitFor(() => lookups('calls') > 0, { what: 'the lookup to reach the emulator' });
    controller.abort();
    const result = await pending;
    expect(result.newState).toBe(state);
    expect(text(result.diagnostics)).toMatch(/interrupted.*asked the provider to stop/);
    // Let the emulator finish the abandoned request, so its delay timer does not outlive the suite.
    await waitFor(() => lookups('succeeded') >= lookups('calls'), { what: 'the emulator to answer the abandoned lookup' });
  });
});

describe('merged_identity import', () => {
  let h: Harness;
  let clients: CognitoClients;
  let pool: Pool;
  let identity: string;
  const src = 'odd, user/%: ünï';
  const dst = 'dest,100%';

  beforeAll(async () => {
    h = await startHarness();
    clients = await configure(h.emulator.endpoint);
    pool = await createPool(h.sdk);
    identity = await createUser(h.sdk, pool, dst);
    await createUser(h.sdk, pool, src);
    await createUser(h.sdk, pool, 'loner');
    const session = await clients.forPool(pool.poolId);
    await session.api.merge(
      { identityPoolId: pool.poolId, developerProviderName: pool.provider, sourceUserIdentifier: src, destinationUserIdentifier: dst },
      context().signal,
    );
  });
  afterAll(() => h.stop());

  const escape = (s: string) => s.replace(/%/g, '%25').replace(/,/g, '%2C');

  it('imports by composite id, then read fills the rest', async () => {
    const id = [pool.poolId, pool.provider, escape(src), escape(dst)].join(',');
    const imported = await resource.importState(clients, id, context());
    expect(imported.diagnostics).toEqual([]);
    expect(imported.state).toEqual({ ...stateFor(pool, src, dst, identity), on_destroy: null, moving_users: [], moving_public_logins: 0 });
    expect(imported.state!.id).toBe(id);

    const read = await resource.read(clients, { currentState: imported.state!, private: noPrivate }, context());
    expect(read.diagnostics).toEqual([]);
    expect(read.newState).toEqual({ ...imported.state, developer_user_identifiers: [dst, src] });
    expect(read.newState!.on_destroy).toBeNull();
  });

  it.each([
    ['three parts', 'us-east-1:1,prov,user'],
    ['a stray percent', 'us-east-1:1,prov,us%er,dst'],
  ])('shows the expected format for a malformed id (%s)', async (_what, id) => {
    const result = await resource.importState(clients, id, context());
    expect(result.state).toBeNull();
    expect(text(result.diagnostics)).toContain('Expected "identity_pool_id,developer_provider_name,source_user_identifier,destination_user_identifier"');
  });

  it('rejects a part that breaks the attribute rules', async () => {
    const result = await resource.importState(clients, `us-east-1_userpool,${pool.provider},a,b`, context());
    expect(result.state).toBeNull();
    expect(text(result.diagnostics)).toMatch(/Invalid import id: identity_pool_id.*pattern/);
  });

  it('refuses to import two users that are not merged', async () => {
    const result = await resource.importState(clients, [pool.poolId, pool.provider, 'loner', escape(dst)].join(','), context());
    expect(result.state).toBeNull();
    expect(text(result.diagnostics)).toMatch(/not merged.*"loner" is on identity/);
  });

  it('refuses to import an unknown user', async () => {
    const result = await resource.importState(clients, [pool.poolId, pool.provider, 'nobody', escape(dst)].join(','), context());
    expect(result.state).toBeNull();
    expect(text(result.diagnostics)).toMatch(/user not found.*"nobody"/);
    expect(attributesOf(result.diagnostics)).toEqual([]);
  });
});
