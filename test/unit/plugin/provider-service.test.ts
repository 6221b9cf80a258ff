// The tfplugin6 bridge on its own (no gRPC): how it turns provider mistakes
// and bad input into diagnostics. Values go through the real cty codec.

import { decodeMsgpack, encodeMsgpack } from '../../../provider/src/plugin/cty';
import { errorDiag } from '../../../provider/src/framework/diagnostics';
import { HclogLogger } from '../../../provider/src/plugin/logger';
import type { DiagnosticMsg } from '../../../provider/src/plugin/proto-types';
import { ProviderService } from '../../../provider/src/plugin/provider-service';
import type { ProviderDefinition, ResourceType } from '../../../provider/src/framework/provider';
import { objectTypeOf } from '../../../provider/src/framework/schema';
import type { ObjectValue } from '../../../provider/src/framework/values';
import { clockDataSource, echoProvider, echoResource as echo, type EchoClient } from '../../plugin/fixtures/echo-provider';
import { only, required } from '../../support/lists';
import { answer, overWire } from '../../support/plugin-wire';

const echoType = objectTypeOf(echo.schema.block);
const dv = (v: ObjectValue | null) => ({ msgpack: Buffer.from(encodeMsgpack(v, echoType)) });

function service(def: ProviderDefinition<EchoClient> = echoProvider) {
  const lines: string[] = [];
  const log = new HclogLogger({ level: 'trace', write: (l) => lines.push(l) });
  return { svc: new ProviderService(def, log), lines };
}

function withResource(overrides: Partial<ResourceType<EchoClient>>): ProviderDefinition<EchoClient> {
  return { ...echoProvider, resources: { cognitoidentity_echo: { ...echo, ...overrides } } };
}

async function configured(def: ProviderDefinition<EchoClient>) {
  const s = service(def);
  const providerType = objectTypeOf(def.schema.block);
  const config = { msgpack: Buffer.from(encodeMsgpack({ prefix: 'p-', password: null }, providerType)) };
  const res = await overWire('ConfigureProvider', { terraform_version: '1.11.4', config }, (r) => s.svc.configureProvider(r));
  expect(res.diagnostics).toEqual([]);
  return s;
}

describe('ProviderService', () => {
  test('a schema Terraform would reject becomes a diagnostic, and the provider block is still sent', async () => {
    const bad: ProviderDefinition<EchoClient> = withResource({
      schema: { version: 0, block: { attributes: { x: { type: 'string', description: '' } } } },
    });
    const res = await answer('GetProviderSchema', service(bad).svc.getProviderSchema());
    expect(required(res.provider ?? undefined, 'the provider schema').block).not.toBeNull();
    expect(res.diagnostics).toEqual([
      expect.objectContaining({ severity: 'ERROR', summary: expect.stringContaining('attribute "x": must be required, optional or computed') }),
    ]);
  });

  test('a state that does not fit the schema is an internal error naming what was invalid', async () => {
    const { svc } = await configured(
      withResource({
        read: async () => ({ newState: { id: 'a', input: 'a', output: 42, tags: null }, diagnostics: [] }),
      }),
    );
    const current_state = dv({ id: 'a', input: 'a', output: 'a', tags: null });
    const res = await overWire('ReadResource', { type_name: 'cognitoidentity_echo', current_state }, (r) => svc.readResource(r));
    expect(only(res.diagnostics, 'the ReadResource diagnostics').summary).toMatch(/^Internal error in provider: the provider produced an invalid new state/);
  });

  test('a rejected promise that is not an Error still becomes a diagnostic', async () => {
    const { svc, lines } = await configured(
      withResource({
        plan: () => Promise.reject('plain string failure'),
      }),
    );
    const config = { id: null, input: 'x', output: null, tags: null };
    const request = { type_name: 'cognitoidentity_echo', prior_state: dv(null), proposed_new_state: dv(config), config: dv(config) };
    const res = await overWire('PlanResourceChange', request, (r) => svc.planResourceChange(r));
    expect(res.diagnostics).toEqual([expect.objectContaining({ severity: 'ERROR', summary: 'Internal error in provider: plain string failure' })]);
    expect(lines.some((l) => l.includes('PlanResourceChange failed'))).toBe(true);
  });

  test('legacy flatmap state and unknown data sources are explained', async () => {
    const { svc } = await configured(echoProvider);
    const legacy = { type_name: 'cognitoidentity_echo', version: 0, raw_state: { json: Buffer.alloc(0), flatmap: { id: 'a' } } };
    const flat = await overWire('UpgradeResourceState', legacy, (r) => svc.upgradeResourceState(r));
    expect(flat.diagnostics[0]).toMatchObject({ severity: 'ERROR', summary: 'Unsupported state format', detail: expect.stringContaining('flatmap') });
    const ds = await overWire('ReadDataSource', { type_name: 'cognitoidentity_nope', config: null }, (r) => svc.readDataSource(r));
    expect(ds.diagnostics[0]).toMatchObject({
      severity: 'ERROR',
      summary: 'Unknown data source type',
      detail: expect.stringContaining('cognitoidentity_clock'),
    });
  });

  test('a data source reads through the codec', async () => {
    const { svc } = await configured(echoProvider);
    const clockType = objectTypeOf(clockDataSource.schema.block);
    const config = { msgpack: Buffer.from(encodeMsgpack({ value: null }, clockType)) };
    const res = await overWire('ReadDataSource', { type_name: 'cognitoidentity_clock', config }, (r) => svc.readDataSource(r));
    expect(res.diagnostics).toEqual([]);
    expect(decodeMsgpack(required(res.state ?? undefined, 'the data source state').msgpack, clockType)).toEqual({ value: 'tick' });
  });

  test('a JSON DynamicValue is accepted as a fallback', async () => {
    const { svc } = service();
    const config = { json: Buffer.from(JSON.stringify({ id: null, input: '', output: null, tags: null })) };
    const res = await overWire('ValidateResourceConfig', { type_name: 'cognitoidentity_echo', config }, (r) => svc.validateResourceConfig(r));
    expect(res.diagnostics).toEqual([expect.objectContaining({ summary: 'Invalid input' })]);
  });

  test('private data the logic does not replace is carried from plan to apply', async () => {
    const { svc } = await configured(
      withResource({
        plan: async (_c, req) => ({ plannedState: req.proposedNewState, diagnostics: [] }),
        apply: async (_c, req) => ({ newState: { ...req.plannedState!, id: 'x', output: 'x' }, diagnostics: [] }),
      }),
    );
    const config = { id: null, input: 'x', output: null, tags: null };
    const states = { type_name: 'cognitoidentity_echo', prior_state: dv(config), config: dv(config) };
    const planRequest = { ...states, proposed_new_state: dv(config), prior_private: Buffer.from('carried') };
    const plan = await overWire('PlanResourceChange', planRequest, (r) => svc.planResourceChange(r));
    expect(plan.planned_private.toString()).toBe('carried');
    const applyRequest = { ...states, planned_state: dv(config), planned_private: plan.planned_private };
    const apply = await overWire('ApplyResourceChange', applyRequest, (r) => svc.applyResourceChange(r));
    expect(apply.private.toString()).toBe('carried');
  });

  test('import with no object and no error still tells the user', async () => {
    const { svc } = await configured(withResource({ importState: async () => ({ state: null, diagnostics: [] }) }));
    const res = await overWire('ImportResourceState', { type_name: 'cognitoidentity_echo', id: 'gone' }, (r) => svc.importResourceState(r));
    expect(res.imported_resources).toEqual([]);
    expect(res.diagnostics[0]).toMatchObject({ severity: 'ERROR', summary: 'Cannot import', detail: expect.stringContaining('"gone"') });
  });
});

type Call = (svc: ProviderService<EchoClient>, type_name: string) => Promise<{ diagnostics: DiagnosticMsg[] }>;
interface Row {
  rpc: string;
  call: Call;
  /** Calls the provider logic with the configured client. */
  needsClient: boolean;
}

const resourceRpcs: Row[] = [
  {
    rpc: 'ValidateResourceConfig',
    needsClient: false,
    call: (svc, type_name) => overWire('ValidateResourceConfig', { type_name }, (r) => svc.validateResourceConfig(r)),
  },
  {
    rpc: 'UpgradeResourceState',
    needsClient: false,
    call: (svc, type_name) => overWire('UpgradeResourceState', { type_name }, (r) => svc.upgradeResourceState(r)),
  },
  { rpc: 'ReadResource', needsClient: true, call: (svc, type_name) => overWire('ReadResource', { type_name }, (r) => svc.readResource(r)) },
  { rpc: 'PlanResourceChange', needsClient: true, call: (svc, type_name) => overWire('PlanResourceChange', { type_name }, (r) => svc.planResourceChange(r)) },
  {
    rpc: 'ApplyResourceChange',
    needsClient: true,
    call: (svc, type_name) => overWire('ApplyResourceChange', { type_name }, (r) => svc.applyResourceChange(r)),
  },
  {
    rpc: 'ImportResourceState',
    needsClient: true,
    call: (svc, type_name) => overWire('ImportResourceState', { type_name }, (r) => svc.importResourceState(r)),
  },
];
const dataSourceRpcs: Row[] = [
  {
    rpc: 'ValidateDataResourceConfig',
    needsClient: false,
    call: (svc, type_name) => overWire('ValidateDataResourceConfig', { type_name }, (r) => svc.validateDataResourceConfig(r)),
  },
  { rpc: 'ReadDataSource', needsClient: true, call: (svc, type_name) => overWire('ReadDataSource', { type_name }, (r) => svc.readDataSource(r)) },
];
const notConfigured = {
  severity: 'ERROR',
  summary: 'Provider not configured',
  detail: 'Terraform called the provider before ConfigureProvider succeeded. Check the provider block for errors reported earlier.',
};

describe('ProviderService: the checks every resource and data source RPC starts with', () => {
  test.each(resourceRpcs)('$rpc: an unknown resource type names the known ones', async ({ call }) => {
    const { svc } = await configured(echoProvider);
    const res = await call(svc, 'cognitoidentity_nope');
    expect(res.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'ERROR',
        summary: 'Unknown resource type',
        detail: 'This provider has no resource type "cognitoidentity_nope". Known resource types: cognitoidentity_echo.',
      }),
    ]);
  });

  test.each(dataSourceRpcs)('$rpc: an unknown data source names the known ones', async ({ call }) => {
    const { svc } = await configured(echoProvider);
    const res = await call(svc, 'cognitoidentity_nope');
    expect(res.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'ERROR',
        summary: 'Unknown data source type',
        detail: 'This provider has no data source "cognitoidentity_nope". Known data sources: cognitoidentity_clock.',
      }),
    ]);
  });

  const withClient = [
    ...resourceRpcs.map((r) => ({ ...r, typeName: 'cognitoidentity_echo' })),
    ...dataSourceRpcs.map((r) => ({ ...r, typeName: 'cognitoidentity_clock' })),
  ].filter((r) => r.needsClient);

  test.each(withClient)('$rpc before ConfigureProvider: not configured', async ({ call, typeName }) => {
    const res = await call(service().svc, typeName);
    expect(res.diagnostics).toEqual([expect.objectContaining(notConfigured)]);
  });

  test.each(withClient)('$rpc after a ConfigureProvider with errors: still not configured', async ({ call, typeName }) => {
    const { svc } = service({ ...echoProvider, configure: async () => ({ diagnostics: [errorDiag('Bad provider block', 'x')] }) });
    const configure = await overWire('ConfigureProvider', {}, (r) => svc.configureProvider(r));
    expect(only(configure.diagnostics, 'the ConfigureProvider diagnostics').summary).toBe('Bad provider block');
    const res = await call(svc, typeName);
    expect(res.diagnostics).toEqual([expect.objectContaining(notConfigured)]);
  });
});
