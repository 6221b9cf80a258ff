// A table of bad configurations, run in batches through `terraform validate`
// and `terraform plan` (-json, so each diagnostic can be matched to the
// resource it belongs to). Every bad resource gets an error naming its
// attribute and the rule; every valid one (unknown values, unicode, separators
// in identifiers) gets none; and the provider never crashes.

import { MergeDeveloperIdentitiesCommand } from '@aws-sdk/client-cognito-identity';
import { createDeveloperUser, startTestEmulator, type TestEmulator } from '../support/emulator';
import { expectNoCrash, newCase, type E2eCaseOf } from '../support/e2e';
import { hclString } from '../support/hcl';
import { importId, mergeResource, type MergeSettings } from '../support/provider-hcl';
import { describeResult, type ProcessResult } from '../support/process';
import { expectExit } from '../support/terraform';
import { first } from '../support/lists';

const TYPE = 'cognitoidentity_merged_identity';

/** Attribute -> HCL expression; null leaves the attribute out. */
type Overrides = Record<string, string | null>;

interface BadCase {
  name: string;
  /** Changes to an otherwise valid resource. */
  set: Overrides;
  /** The attribute the diagnostic must name (in its summary/detail or the highlighted line). */
  attribute: string;
  /** The rule, as the diagnostic states it. */
  rule: RegExp;
}

interface Diag {
  severity: string;
  summary: string;
  detail?: string;
  address?: string;
  snippet?: { context?: string | null; code: string };
}

const s = hclString;
const GUID = '0123abcd-4567-89ef-0123-456789abcdef';

let env: TestEmulator;
let c: E2eCaseOf<2>;
let base: Overrides;

beforeAll(async () => {
  env = await startTestEmulator();
  c = await newCase(env, 'bad-input', 2);
  base = {
    identity_pool_id: s(c.pool.poolId),
    developer_provider_name: s(c.pool.providerName),
    source_user_identifier: s(c.pool.users[0].userId),
    destination_user_identifier: s(c.pool.users[1].userId),
  };
});

afterAll(async () => {
  await env?.stop();
});

function resource(name: string, set: Overrides): string {
  const attrs = { ...base, ...set };
  const lines = Object.entries(attrs)
    .filter((e): e is [string, string] => e[1] !== null)
    .map(([k, v]) => `  ${k} = ${v}`);
  return `resource "${TYPE}" ${s(name)} {\n${lines.join('\n')}\n}\n`;
}

/** Diagnostics from `validate -json` (one document) or `plan -json` (one JSON message per line). */
function diagnostics(r: ProcessResult): Diag[] {
  const text = r.stdout.trim();
  if (text.startsWith('{') && !text.includes('\n{')) {
    const doc = JSON.parse(text) as { diagnostics?: Diag[] };
    return doc.diagnostics ?? [];
  }
  return text
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { type: string; diagnostic?: Diag })
    .filter((m) => m.type === 'diagnostic' && m.diagnostic)
    .map((m) => m.diagnostic as Diag);
}

/** The diagnostics that belong to resource `name`: by address, or by the block the snippet is in. */
function diagnosticsOf(all: Diag[], name: string): Diag[] {
  const header = `resource "${TYPE}" "${name}"`;
  return all.filter((d) => d.address === `${TYPE}.${name}` || d.snippet?.context === header || (d.snippet?.code ?? '').includes(header));
}

function describe(d: Diag): string {
  return `${d.summary}\n${d.detail ?? ''}\n${d.snippet?.code ?? ''}`;
}

/** No sign of a crashed or hung provider, in either output format. */
function expectHealthy(r: ProcessResult): void {
  expectNoCrash(r);
  const all = r.stdout + r.stderr;
  expect(all).not.toMatch(/Internal error in provider|Plugin did not respond|panic|\bstack\b|killed after/i);
}

/** Each bad case has an error naming its attribute and rule; each valid resource has no diagnostic. */
function expectMatched(r: ProcessResult, label: string, cases: BadCase[], valid: string[]): void {
  expectHealthy(r);
  if (r.code !== 1) throw new Error(`expected exit 1\n${describeResult(label, r)}`);
  const all = diagnostics(r);
  const problems: string[] = [];
  for (const bad of cases) {
    const mine = diagnosticsOf(all, bad.name).filter((d) => d.severity === 'error');
    const ok = mine.some((d) => describe(d).includes(bad.attribute) && bad.rule.test(describe(d)));
    if (!ok) problems.push(`${bad.name}: no error naming ${bad.attribute} and matching ${bad.rule}; got ${JSON.stringify(mine.map(describe))}`);
  }
  for (const name of valid) {
    const mine = diagnosticsOf(all, name);
    if (mine.length > 0) problems.push(`${name} is valid but got ${JSON.stringify(mine.map(describe))}`);
  }
  // Every error is accounted for by some bad case (none is spurious or unattributed).
  const named = new Set(cases.map((b) => b.name));
  for (const d of all.filter((x) => x.severity === 'error')) {
    if (![...named].some((n) => diagnosticsOf([d], n).length > 0)) problems.push(`unattributed error: ${describe(d)}`);
  }
  expect(problems).toEqual([]);
}

const POOL = 'identity_pool_id';
const PROV = 'developer_provider_name';
const SRC = 'source_user_identifier';
const DST = 'destination_user_identifier';

/** Rules the provider checks in ValidateResourceConfig, plus Terraform's own type and schema checks. */
const validateCases: BadCase[] = [
  { name: 'pool_empty', set: { [POOL]: s('') }, attribute: POOL, rule: /1 to 55/ },
  { name: 'pool_56_chars', set: { [POOL]: s(`us-east-1:${'a'.repeat(46)}`) }, attribute: POOL, rule: /1 to 55/ },
  { name: 'pool_user_pool_id', set: { [POOL]: s('us-east-1_abc') }, attribute: POOL, rule: /pattern/ },
  { name: 'pool_uppercase_hex', set: { [POOL]: s(`us-east-1:${GUID.toUpperCase()}`) }, attribute: POOL, rule: /pattern/ },
  { name: 'pool_no_region', set: { [POOL]: s(`:${GUID}`) }, attribute: POOL, rule: /pattern/ },
  { name: 'pool_space', set: { [POOL]: s(`us east 1:${GUID}`) }, attribute: POOL, rule: /pattern/ },
  { name: 'provider_empty', set: { [PROV]: s('') }, attribute: PROV, rule: /1 to 128/ },
  { name: 'provider_129_chars', set: { [PROV]: s('p'.repeat(129)) }, attribute: PROV, rule: /1 to 128/ },
  { name: 'provider_space', set: { [PROV]: s('login example') }, attribute: PROV, rule: /pattern/ },
  { name: 'provider_colon', set: { [PROV]: s('login:example') }, attribute: PROV, rule: /pattern/ },
  { name: 'provider_slash', set: { [PROV]: s('login/example') }, attribute: PROV, rule: /pattern/ },
  { name: 'source_empty', set: { [SRC]: s('') }, attribute: SRC, rule: /1 to 1024/ },
  { name: 'source_1025_chars', set: { [SRC]: s('x'.repeat(1025)) }, attribute: SRC, rule: /1 to 1024.*1025 characters/s },
  // Characters, not bytes or UTF-16 units: 1025 'ü' is too long, as Cognito counts it.
  { name: 'source_1025_unicode', set: { [SRC]: s('ü'.repeat(1025)) }, attribute: SRC, rule: /1025 characters/ },
  { name: 'destination_empty', set: { [DST]: s('') }, attribute: DST, rule: /1 to 1024/ },
  { name: 'destination_1025_chars', set: { [DST]: s('y'.repeat(1025)) }, attribute: DST, rule: /1 to 1024/ },
  { name: 'source_is_destination', set: { [SRC]: s('same-user'), [DST]: s('same-user') }, attribute: SRC, rule: /different/ },
  { name: 'on_destroy_unknown', set: { on_destroy: s('maybe') }, attribute: 'on_destroy', rule: /"warn" or "error"/ },
  { name: 'on_destroy_uppercase', set: { on_destroy: s('WARN') }, attribute: 'on_destroy', rule: /"warn" or "error"/ },
  { name: 'on_destroy_empty', set: { on_destroy: s('') }, attribute: 'on_destroy', rule: /"warn" or "error"/ },
  // Wrong types: Terraform converts numbers and bools to strings, so the provider's rules catch them ...
  { name: 'pool_number', set: { [POOL]: '42' }, attribute: POOL, rule: /pattern/ },
  { name: 'pool_bool', set: { [POOL]: 'true' }, attribute: POOL, rule: /pattern/ },
  { name: 'on_destroy_bool', set: { on_destroy: 'false' }, attribute: 'on_destroy', rule: /"warn" or "error"/ },
  // ... and rejects lists and objects itself.
  { name: 'provider_list', set: { [PROV]: '["a", "b"]' }, attribute: PROV, rule: /Incorrect attribute value type|string required/ },
  { name: 'source_object', set: { [SRC]: '{ a = 1 }' }, attribute: SRC, rule: /Incorrect attribute value type|string required/ },
  { name: 'destination_list', set: { [DST]: '[]' }, attribute: DST, rule: /Incorrect attribute value type|string required/ },
  // Schema: missing required, unknown and read-only attributes.
  { name: 'missing_pool', set: { [POOL]: null }, attribute: POOL, rule: /Missing required argument/ },
  { name: 'missing_source', set: { [SRC]: null }, attribute: SRC, rule: /Missing required argument/ },
  { name: 'missing_destination', set: { [DST]: null }, attribute: DST, rule: /Missing required argument/ },
  { name: 'misspelt_attribute', set: { source_user_identifer: s('x') }, attribute: 'source_user_identifer', rule: /Unsupported argument/ },
  {
    name: 'set_identity_id',
    set: { identity_id: s(`us-east-1:${GUID}`) },
    attribute: 'identity_id',
    rule: /read-only|Invalid Configuration for Read-Only Attribute|computed/i,
  },
  { name: 'set_id', set: { id: s('x') }, attribute: 'id', rule: /read-only|Invalid Configuration for Read-Only Attribute|computed/i },
];

test(`terraform validate names the attribute and rule for ${validateCases.length} bad resources`, async () => {
  const valid: [string, Overrides][] = [
    // Values unknown at validate time must not be judged.
    ['unknown_from_variable', { [SRC]: 'var.source_user' }],
    ['unknown_pool_from_variable', { [POOL]: 'var.pool_id' }],
    ['unicode_ids', { [SRC]: s('ユーザー-ü-😀'), [DST]: s('Ωmega user') }],
    ['separator_ids', { [SRC]: s('a:b,c/d%e f'), [DST]: s('dest, with %2C/: too'), on_destroy: s('error') }],
    ['exactly_1024_unicode', { [SRC]: s('ü'.repeat(1024)) }],
  ];
  c.configure(
    [
      'variable "source_user" {\n  type = string\n}\n',
      'variable "pool_id" {\n  type = string\n}\n',
      ...validateCases.map((b) => resource(b.name, b.set)),
      ...valid.map(([name, set]) => resource(name, set)),
    ].join('\n'),
  );
  const r = await c.ws.run(['validate', '-no-color', '-json']);
  expectMatched(
    r,
    'terraform validate -json',
    validateCases,
    valid.map(([n]) => n),
  );
});

test('terraform plan names the attribute for bad input only the service can judge, and plans the valid ones', async () => {
  const { client } = env;
  const { poolId, providerName } = c.pool;
  // Users with unicode and separator characters in their ids are valid.
  const odd = ['ユーザー-ü-😀', 'Ωmega user', 'a:b,c/d%e f', 'dest, with %2C/: too'] as const;
  for (const id of odd) await createDeveloperUser(client, poolId, providerName, id);
  // A destination identity already holding 20 developer users: one more is over Cognito's limit.
  const full = await createDeveloperUser(client, poolId, providerName, 'full-destination');
  for (let i = 0; i < 20; i++) {
    const u = await createDeveloperUser(client, poolId, providerName, `filler-${i}`);
    if (i === 19) break; // the last one is the overflowing source
    await client.send(
      new MergeDeveloperIdentitiesCommand({
        IdentityPoolId: poolId,
        DeveloperProviderName: providerName,
        SourceUserIdentifier: u.userId,
        DestinationUserIdentifier: full.userId,
      }),
    );
  }

  const planCases: BadCase[] = [
    { name: 'unknown_source_user', set: { [SRC]: s('nobody-signed-in-as-this') }, attribute: SRC, rule: /nobody-signed-in-as-this/ },
    { name: 'unknown_destination_user', set: { [DST]: s('no-such-destination') }, attribute: DST, rule: /no-such-destination/ },
    { name: 'over_login_limit', set: { [SRC]: s('filler-19'), [DST]: s('full-destination') }, attribute: SRC, rule: /at most 20/ },
    { name: 'pool_does_not_exist', set: { [POOL]: s(`us-east-1:${GUID}`) }, attribute: POOL, rule: new RegExp(GUID) },
    { name: 'wrong_provider_name', set: { [PROV]: s('login.not-this-pool') }, attribute: PROV, rule: /login\.not-this-pool/ },
  ];
  const valid: [string, Overrides][] = [
    ['unicode_ids', { [SRC]: s(odd[0]), [DST]: s(odd[1]) }],
    ['separator_ids', { [SRC]: s(odd[2]), [DST]: s(odd[3]) }],
    // Unknown until apply: terraform_data's output.
    ['unknown_from_resource', { [SRC]: 'terraform_data.later.output' }],
  ];
  c.configure(
    [
      `resource "terraform_data" "later" {\n  input = ${s(c.pool.users[0].userId)}\n}\n`,
      ...planCases.map((b) => resource(b.name, b.set)),
      ...valid.map(([name, set]) => resource(name, set)),
    ].join('\n'),
  );
  const merges = env.emulator.stats().merges;
  const r = await c.ws.run(['plan', '-no-color', '-input=false', '-json']);
  expectMatched(
    r,
    'terraform plan -json',
    planCases,
    valid.map(([n]) => n),
  );
  // The valid resources were planned (the error in others did not stop them).
  for (const [name] of valid) expect(r.stdout).toContain(`"${TYPE}.${name}"`);
  // Plan never merges.
  expect(env.emulator.stats().merges).toBe(merges);
});

test('identifiers with : , / % and spaces round-trip through an import id', async () => {
  const { client } = env;
  const { poolId, providerName } = c.pool;
  const m: MergeSettings = {
    identity_pool_id: poolId,
    developer_provider_name: providerName,
    source_user_identifier: 'imp:src, 100% / a b',
    destination_user_identifier: 'imp,dst%2C /:',
  };
  await createDeveloperUser(client, poolId, providerName, m.source_user_identifier);
  const dst = await createDeveloperUser(client, poolId, providerName, m.destination_user_identifier);
  await client.send(
    new MergeDeveloperIdentitiesCommand({
      IdentityPoolId: poolId,
      DeveloperProviderName: providerName,
      SourceUserIdentifier: m.source_user_identifier,
      DestinationUserIdentifier: m.destination_user_identifier,
    }),
  );
  c.configure(mergeResource('imported', m));
  const r = await c.ws.import(`${TYPE}.imported`, importId(m));
  expectHealthy(r);
  expectExit(r, 0, 'terraform import');
  const res = first(await c.ws.resources(), 'the resources in state');
  expect(res.values).toMatchObject({ ...m, id: importId(m), identity_id: dst.identityId });
  expectExit(await c.ws.plan('-detailed-exitcode'), 0, 'terraform plan after import');
  c.ws.cleanup();
});
