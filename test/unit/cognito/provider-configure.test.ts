// ConfigureProvider and the client it builds: credentials never leak,
// unknown configuration is deferred, endpoints come from the environment
// when not set, and the AWS SDK is loaded only when a call is made.

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { cognitoProvider } from '../../../provider/src/cognito/provider';
import { mergedIdentityResource as resource } from '../../../provider/src/cognito/merged-identity';
import { developerIdentityDataSource } from '../../../provider/src/cognito/developer-identity';
import { UNKNOWN, type CtyValue, type ObjectValue } from '../../../provider/src/framework/values';
import {
  ACCESS_KEY,
  attributesOf,
  configure,
  context,
  createPool,
  createUser,
  providerConfig,
  REGION,
  startHarness,
  stateFor,
  text,
  type Harness,
  type Pool,
} from './harness';

const noPrivate = new Uint8Array();

describe('provider configuration', () => {
  let h: Harness;
  let pool: Pool;
  let identity: string;

  beforeAll(async () => {
    h = await startHarness();
    pool = await createPool(h.sdk);
    identity = await createUser(h.sdk, pool, 'someone');
  });
  afterAll(() => h.stop());

  const lookup = (overrides: { [name: string]: CtyValue }): ObjectValue => ({
    id: null,
    identity_pool_id: pool.poolId,
    developer_user_identifier: 'someone',
    identity_id: null,
    developer_user_identifiers: null,
    ...overrides,
  });

  it('refuses access_key without secret_key, naming the attribute', async () => {
    const result = await cognitoProvider.configure(providerConfig({ access_key: 'AKIDONLYKEY' }), '1.11.4', context());
    expect(result.client).toBeUndefined();
    expect(attributesOf(result.diagnostics)).toEqual(['secret_key']);
    expect(text(result.diagnostics)).not.toContain('AKIDONLYKEY');
  });

  it('never puts credentials in an error or a log line when they are wrong', async () => {
    const secret = 'wrong-secret-DO-NOT-LEAK-1234';
    const token = 'session-token-DO-NOT-LEAK-5678';
    const ctx = context();
    const configured = await cognitoProvider.configure(
      providerConfig({ endpoint: h.emulator.endpoint, region: REGION, access_key: ACCESS_KEY, secret_key: secret, token, max_retries: 1 }),
      '1.11.4',
      ctx,
    );
    const result = await developerIdentityDataSource.read(configured.client!, lookup({}), ctx);
    expect(result.state).toBeNull();
    const message = text(result.diagnostics);
    expect(message).toMatch(/not authorized.*InvalidSignatureException.*cognito-identity:LookupDeveloperIdentity/);
    const logs = JSON.stringify(ctx.log.lines);
    for (const leaked of [secret, token, ACCESS_KEY]) {
      expect(message).not.toContain(leaked);
      expect(logs).not.toContain(leaked);
    }
  });

  it('defers unknown configuration until a call is needed, then says why it cannot make it', async () => {
    const clients = await configure(h.emulator.endpoint, { secret_key: UNKNOWN, endpoint: UNKNOWN });
    const state = stateFor(pool, 'a', 'b', identity);
    const read = await resource.read(clients, { currentState: state, private: noPrivate }, context());
    expect(read.newState).toBe(state);
    expect(text(read.diagnostics)).toMatch(/not known yet.*`secret_key`, `endpoint`.*known only after apply/);
  });

  it('names the endpoint when it cannot be reached', async () => {
    const clients = await configure('http://127.0.0.1:9', { max_retries: 1 });
    const result = await developerIdentityDataSource.read(clients, lookup({}), context());
    expect(text(result.diagnostics)).toMatch(/endpoint unreachable.*http:\/\/127\.0\.0\.1:9.*ECONNREFUSED/);
  });

  describe('endpoint from the environment', () => {
    const saved = { ...process.env };
    afterEach(() => {
      for (const name of ['AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_COGNITO_IDENTITY']) {
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
      }
    });

    it('uses AWS_ENDPOINT_URL_COGNITO_IDENTITY before AWS_ENDPOINT_URL', async () => {
      process.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY = h.emulator.endpoint;
      process.env.AWS_ENDPOINT_URL = 'http://127.0.0.1:9';
      const clients = await configure(null as unknown as string, { endpoint: null, max_retries: 1 });
      const result = await developerIdentityDataSource.read(clients, lookup({}), context());
      expect(result.diagnostics).toEqual([]);
      expect(result.state!.identity_id).toBe(identity);
    });

    it('falls back to AWS_ENDPOINT_URL', async () => {
      delete process.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY;
      process.env.AWS_ENDPOINT_URL = h.emulator.endpoint;
      const clients = await configure(null as unknown as string, { endpoint: null, max_retries: 1 });
      const result = await developerIdentityDataSource.read(clients, lookup({}), context());
      expect(result.diagnostics).toEqual([]);
      expect(clients.endpointFor(pool.poolId)).toBe(h.emulator.endpoint);
    });
  });

  it('takes the Region from the pool id when none is configured', async () => {
    const saved = { region: process.env.AWS_REGION, fallback: process.env.AWS_DEFAULT_REGION };
    delete process.env.AWS_REGION;
    delete process.env.AWS_DEFAULT_REGION;
    try {
      const clients = await configure(h.emulator.endpoint, { region: null });
      expect(clients.regionFor('eu-west-3:1234abcd')).toBe('eu-west-3');
      const result = await developerIdentityDataSource.read(clients, lookup({}), context());
      expect(result.diagnostics).toEqual([]);
    } finally {
      if (saved.region !== undefined) process.env.AWS_REGION = saved.region;
      if (saved.fallback !== undefined) process.env.AWS_DEFAULT_REGION = saved.fallback;
    }
  });
});

describe('startup cost', () => {
  it('loads no AWS SDK module until a call is made', () => {
    // A plain Node process, TypeScript transpiled on the fly, to see what require() really loads.
    const root = path.resolve(__dirname, '../../..');
    const script = `
      const ts = require('typescript');
      const fs = require('fs');
      require.extensions['.ts'] = (m, file) => m._compile(
        ts.transpileModule(fs.readFileSync(file, 'utf8'), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } }).outputText, file);
      const { cognitoProvider } = require('./provider/src/cognito/provider.ts');
      const ctx = { signal: new AbortController().signal, log: { trace(){}, debug(){}, info(){}, warn(){}, error(){} } };
      const attrs = Object.fromEntries(Object.keys(cognitoProvider.schema.block.attributes).map((k) => [k, null]));
      cognitoProvider.configure(attrs, '1.11.4', ctx).then((r) => {
        const loaded = Object.keys(require.cache).filter((f) => /@aws-sdk|@smithy/.test(f));
        process.stdout.write(JSON.stringify({ configured: !!r.client, loaded: loaded.length }));
      });
    `;
    const run = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ configured: true, loaded: 0 });
  });
});
