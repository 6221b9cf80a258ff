// Applying a merge: the real MergeDeveloperIdentities through the emulator,
// adoption on re-apply, and state kept whenever a merge is known to have
// happened.

import type { CognitoClients } from '../../../provider/src/cognito/clients';
import { type SdkCognitoApi } from '../../../provider/src/cognito/cognito-api';
import { mergedIdentityResource as resource } from '../../../provider/src/cognito/merged-identity';
import { CognitoClients as Clients, sdkApiFactory } from '../../../provider/src/cognito/clients';
import { readProviderSettings } from '../../../provider/src/cognito/provider-config';
import { isWhollyKnown, type ObjectValue } from '../../../provider/src/framework/values';
import {
  ACCESS_KEY,
  attributesOf,
  configure,
  context,
  createPool,
  createUser,
  errors,
  identityOf,
  mergeConfig,
  providerConfig,
  REGION,
  SECRET_KEY,
  startHarness,
  text,
  type Harness,
  type Pool,
} from './harness';

const noPrivate = new Uint8Array();

/** Every value known in `planned` must come back unchanged (Terraform's apply consistency rule). */
function expectConsistent(planned: ObjectValue, applied: ObjectValue): void {
  for (const [name, value] of Object.entries(planned)) {
    if (isWhollyKnown(value)) expect({ [name]: applied[name] }).toEqual({ [name]: value });
  }
  expect(isWhollyKnown(applied)).toBe(true);
}

describe('merged_identity apply', () => {
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

  async function plan(config: ObjectValue, c: CognitoClients = clients) {
    const result = await resource.plan(c, { priorState: null, proposedNewState: config, config, priorPrivate: noPrivate }, context());
    expect(result.diagnostics).toEqual([]);
    return result;
  }
  function apply(planned: ObjectValue, plannedPrivate: Uint8Array = noPrivate, c: CognitoClients = clients) {
    return resource.apply(c, { priorState: null, plannedState: planned, config: planned, plannedPrivate }, context());
  }

  async function pair(): Promise<{ pool: Pool; dst: string; src: string }> {
    const pool = await createPool(h.sdk);
    const dst = await createUser(h.sdk, pool, 'dst');
    const src = await createUser(h.sdk, pool, 'src');
    return { pool, dst, src };
  }

  it('merges, reads the result back, and reads it again', async () => {
    const { pool, dst, src } = await pair();
    const planned = await plan(mergeConfig(pool, 'src', 'dst', { on_destroy: 'error' }));
    const applied = await apply(planned.plannedState!, planned.plannedPrivate);
    expect(applied.diagnostics).toEqual([]);
    const state = applied.newState!;
    expectConsistent(planned.plannedState!, state);
    expect(state.identity_id).toBe(dst);
    expect(state.on_destroy).toBe('error');
    expect(state.developer_user_identifiers).toEqual(['dst', 'src']);
    expect(await identityOf(h.sdk, pool, 'src')).toBe(dst);
    expect(src).not.toBe(dst);
    expect(h.emulator.stats().merges).toBe(1);

    const read = await resource.read(clients, { currentState: state, private: noPrivate }, context());
    expect(read.diagnostics).toEqual([]);
    expect(read.newState).toEqual(state);
  });

  it('adopts instead of merging again when the apply is re-run', async () => {
    const { pool, dst } = await pair();
    const planned = await plan(mergeConfig(pool, 'src', 'dst'));
    const first = await apply(planned.plannedState!, planned.plannedPrivate);
    expect(first.diagnostics).toEqual([]);
    const again = await apply(planned.plannedState!, planned.plannedPrivate);
    expect(again.diagnostics).toEqual([]);
    expect(again.newState).toEqual(first.newState);
    expect(again.newState!.identity_id).toBe(dst);
    expect(h.emulator.stats().merges).toBe(1);
    expect(h.emulator.stats().calls.MergeDeveloperIdentities).toBe(1);
  });

  it('refuses to merge when the destination moved since plan', async () => {
    const { pool } = await pair();
    const other = await createUser(h.sdk, pool, 'other');
    const planned = await plan(mergeConfig(pool, 'src', 'dst'));
    // Out of band, the destination user is merged into another identity.
    const session = await clients.forPool(pool.poolId);
    await session.api.merge(
      { identityPoolId: pool.poolId, developerProviderName: pool.provider, sourceUserIdentifier: 'dst', destinationUserIdentifier: 'other' },
      context().signal,
    );
    h.emulator.resetStats();
    // Apply runs in a new provider process (as with Terraform), so nothing is cached from plan.
    const applied = await apply(planned.plannedState!, planned.plannedPrivate, await configure(h.emulator.endpoint));
    expect(applied.newState).toBeNull();
    expect(errors(applied.diagnostics)).toHaveLength(1);
    expect(text(applied.diagnostics)).toMatch(/resolved to identity .* at plan time but now resolves to "[^"]+".*plan again/);
    expect(text(applied.diagnostics)).toContain(other);
    expect(h.emulator.stats().calls.MergeDeveloperIdentities).toBeUndefined();
  });

  it('explains that re-running is safe when the merge call fails in transit, and the re-run adopts', async () => {
    const { pool, dst } = await pair();
    const planned = await plan(mergeConfig(pool, 'src', 'dst'));
    // Committed, then the connection is dropped on every attempt: the merge happened, no answer came back.
    h.emulator.setFaults({ rules: [{ operation: 'MergeDeveloperIdentities', kind: 'drop', phase: 'after', count: 10 }] });
    const failed = await apply(planned.plannedState!, planned.plannedPrivate);
    expect(failed.newState).toBeNull();
    expect(text(failed.diagnostics)).toMatch(/endpoint unreachable|service error/);
    expect(text(failed.diagnostics)).toContain(h.emulator.endpoint);
    expect(text(failed.diagnostics)).toMatch(/may or may not have been applied.*Re-running terraform apply is safe/);

    h.emulator.setFaults({});
    const retried = await apply(planned.plannedState!, planned.plannedPrivate);
    expect(retried.diagnostics).toEqual([]);
    expect(retried.newState!.identity_id).toBe(dst);
    expect(h.emulator.stats().merges).toBe(1);
  });

  it('recovers by itself when only the first answer to the merge is lost', async () => {
    const { pool, dst } = await pair();
    const planned = await plan(mergeConfig(pool, 'src', 'dst'));
    h.emulator.setFaults({ rules: [{ operation: 'MergeDeveloperIdentities', kind: 'drop', phase: 'after', count: 1 }] });
    const applied = await apply(planned.plannedState!, planned.plannedPrivate);
    expect(applied.diagnostics).toEqual([]);
    expect(applied.newState!.identity_id).toBe(dst);
    expect(h.emulator.stats().merges).toBe(1);
  });

  it('reports a conflict from Cognito clearly, and stores nothing', async () => {
    const pool = await createPool(h.sdk, ['graph.facebook.com']);
    await createUser(h.sdk, pool, 'fb-a', { 'graph.facebook.com': 'token-a' });
    await createUser(h.sdk, pool, 'fb-b', { 'graph.facebook.com': 'token-b' });
    const planned = await plan(mergeConfig(pool, 'fb-a', 'fb-b', { allow_moving_unnamed_logins: true }));
    const applied = await apply(planned.plannedState!, planned.plannedPrivate);
    expect(applied.newState).toBeNull();
    expect(text(applied.diagnostics)).toMatch(/conflict.*different logins of the same public provider/);
  });

  it('keeps the new state, with an error, when the merge succeeded but the read-back failed', async () => {
    const { pool, dst } = await pair();
    const planned = await plan(mergeConfig(pool, 'src', 'dst'));
    // Lookups start failing the moment the merge has succeeded (fault injection timed by wrapping the real API).
    const settings = readProviderSettings(
      providerConfig({ endpoint: h.emulator.endpoint, region: REGION, access_key: ACCESS_KEY, secret_key: SECRET_KEY, max_retries: 1 }),
    );
    const faulty = new Clients(settings, undefined, async (region, s, deps) => {
      const api = (await sdkApiFactory(region, s, { redactor: deps.redactor, pacer: deps.pacer })) as SdkCognitoApi;
      const merge = api.merge.bind(api);
      api.merge = async (req, signal) => {
        const id = await merge(req, signal);
        h.emulator.setFaults({ rules: [{ operation: 'LookupDeveloperIdentity', kind: 'internal-error', count: 1000 }] });
        return id;
      };
      return api;
    });
    const applied = await apply(planned.plannedState!, planned.plannedPrivate, faulty);
    expect(errors(applied.diagnostics)).toHaveLength(1);
    expect(text(applied.diagnostics)).toMatch(/Merged, but could not read the result back.*InternalErrorException.*recorded in state/);
    const state = applied.newState!;
    expect(state).not.toBeNull();
    expect(state.identity_id).toBe(dst);
    expect(isWhollyKnown(state)).toBe(true);
    expect(h.emulator.stats().merges).toBe(1);
  });

  it('returns the planned state for an on_destroy update, without calling Cognito', async () => {
    const { pool, dst } = await pair();
    const prior = { ...mergeConfig(pool, 'src', 'dst'), id: 'x', identity_id: dst, developer_user_identifiers: ['dst', 'src'] };
    const planned = { ...prior, on_destroy: 'error' };
    h.emulator.resetStats();
    const result = await resource.apply(clients, { priorState: prior, plannedState: planned, config: planned, plannedPrivate: noPrivate }, context());
    expect(result).toMatchObject({ newState: planned, diagnostics: [] });
    expect(h.emulator.stats().calls).toEqual({});
  });

  it('destroys without an API call and without repeating the the plan warning; refuses with on_destroy = "error"', async () => {
    const { pool, dst } = await pair();
    const prior = { ...mergeConfig(pool, 'src', 'dst'), id: 'x', identity_id: dst, developer_user_identifiers: ['dst', 'src'] };
    h.emulator.resetStats();
    const warn = await resource.apply(clients, { priorState: prior, plannedState: null, config: null, plannedPrivate: noPrivate }, context());
    expect(warn.newState).toBeNull();
    expect(warn.diagnostics).toEqual([]);

    const protectedPrior = { ...prior, on_destroy: 'error' };
    const refused = await resource.apply(clients, { priorState: protectedPrior, plannedState: null, config: null, plannedPrivate: noPrivate }, context());
    expect(refused.newState).toEqual(protectedPrior);
    expect(attributesOf(errors(refused.diagnostics))).toEqual(['on_destroy']);
    expect(h.emulator.stats().calls).toEqual({});
  });
});
