// Cross-check against real go-cty: Terraform itself writes planned values as
// cty msgpack into its plan file, and resource attributes as cty JSON into its
// state (the form UpgradeResourceState's raw_state.json takes). We use the
// built-in terraform_data resource (no provider download), pull those values
// out, and check that we decode what we configured and re-encode the same.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { terraformEnv } from '../../../examples/demo/terraform-sandbox';
import type { CtyType, CtyValue } from '../../../provider/src/framework/values';
import { Dynamic, Unknown } from '../../../provider/src/framework/values';
import { decodeJsonValue, decodeMsgpack, encodeJsonValue, encodeMsgpack } from '../../../provider/src/plugin/cty';
import { hex, num } from './arbitraries';
import { first } from '../../support/lists';

/** The schema of terraform_data (terraform internal/builtin/providers/terraform). */
const TERRAFORM_DATA: CtyType = ['object', { id: 'string', input: 'dynamic', output: 'dynamic', triggers_replace: 'dynamic' }];

const CONFIG = `
resource "terraform_data" "a" {
  input = "x"
}

resource "terraform_data" "exact" {
  input = {
    s       = "héllo 😀"
    big     = 12345678901234567890
    bigneg  = -9223372036854775809
    int64   = 9007199254740993
    f       = 1.5
    e20     = 1e20
    small   = 300
    neg     = -5
    yes     = true
    nothing = null
    l       = ["a", "b"]
    set     = toset(["y", "x"])
    m       = tomap({ b = 1, a = 2 })
    empty   = []
    pre     = "prefix-\${terraform_data.a.id}"
    len     = length(terraform_data.a.id)
    unk     = terraform_data.a.id
    parts   = split(",", terraform_data.a.id)
  }
}

resource "terraform_data" "decimal" {
  input = 0.1
}
`;

/** Field payloads of a protobuf message, recursing into every length-delimited field that parses as a message. */
function lengthDelimitedPayloads(buf: Uint8Array, out: Uint8Array[] = [], depth = 0): Uint8Array[] {
  if (depth > 20) return out;
  const fields = parseMessage(buf);
  if (fields === null) return out;
  for (const f of fields) {
    out.push(f);
    lengthDelimitedPayloads(f, out, depth + 1);
  }
  return out;
}

/** The length-delimited fields of a protobuf message, or null when the bytes are not one. */
function parseMessage(buf: Uint8Array): Uint8Array[] | null {
  const fields: Uint8Array[] = [];
  let at = 0;
  const varint = (): number | null => {
    let result = 0;
    for (let shift = 0; shift < 64; shift += 7) {
      const b = at < buf.length ? buf[at] : undefined;
      if (b === undefined) return null;
      at++;
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return result;
    }
    return null;
  };
  while (at < buf.length) {
    const key = varint();
    if (key === null || key >>> 3 === 0) return null;
    switch (key & 7) {
      case 0:
        if (varint() === null) return null;
        break;
      case 1:
        at += 8;
        break;
      case 5:
        at += 4;
        break;
      case 2: {
        const len = varint();
        if (len === null || at + len > buf.length) return null;
        fields.push(buf.subarray(at, at + len));
        at += len;
        break;
      }
      default:
        return null;
    }
  }
  return at === buf.length ? fields : null;
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Buffer {
  try {
    return execFileSync(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const err = e as { code?: string; stderr?: Buffer; message: string };
    if (err.code === 'ENOENT') throw new Error(`this test needs \`${cmd}\` on PATH (not found)`);
    throw new Error(`${cmd} ${args.join(' ')} failed: ${err.stderr?.toString() ?? err.message}`);
  }
}

describe('values Terraform writes into a plan file (real go-cty msgpack)', () => {
  let planned: { input: CtyValue; bytes: Uint8Array; value: { [k: string]: CtyValue } }[] = [];
  let dir = '';

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cty-plan-'));
    writeFileSync(join(dir, 'main.tf'), CONFIG);
    writeFileSync(join(dir, 'cli.tfrc'), '');
    const env = terraformEnv(join(dir, 'cli.tfrc'));
    run('terraform', ['init', '-input=false', '-no-color'], dir, env);
    run('terraform', ['plan', '-input=false', '-no-color', '-out=plan.tfplan'], dir, env);
    const tfplan = new Uint8Array(run('unzip', ['-p', 'plan.tfplan', 'tfplan'], dir, env));
    // Keep every blob that reads as a terraform_data object; the plan holds one per resource.
    for (const bytes of lengthDelimitedPayloads(tfplan)) {
      try {
        const value = decodeMsgpack(bytes, TERRAFORM_DATA);
        if (value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Unknown) && !(value instanceof Dynamic)) {
          planned.push({ input: value.input ?? null, bytes, value });
        }
      } catch {
        // not a cty value of this type: some other field of the plan
      }
    }
    planned = planned.filter((p, i) => planned.findIndex((q) => hex(q.bytes) === hex(p.bytes)) === i);
  });

  afterAll(() => {
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  const find = (pred: (input: Dynamic) => boolean): { input: Dynamic; bytes: Uint8Array; value: { [k: string]: CtyValue } } => {
    const hit = planned.find((p) => p.input instanceof Dynamic && pred(p.input));
    if (hit === undefined) throw new Error(`planned value not found among ${planned.length} decoded blobs`);
    return hit as { input: Dynamic; bytes: Uint8Array; value: { [k: string]: CtyValue } };
  };

  it('finds the three planned resources', () => {
    expect(planned.length).toBe(3);
  });

  it('decodes known values of every kind, big numbers exact', () => {
    const { input, value } = find((d) => Array.isArray(d.type) && d.type[0] === 'object');
    expect(value.id).toStrictEqual(new Unknown({ notNull: true }));
    const v = input.value as { [k: string]: CtyValue };
    expect(v.s).toBe('héllo 😀');
    expect(num(v.big)).toBe(num(12345678901234567890n));
    expect(num(v.bigneg)).toBe(num(-9223372036854775809n));
    expect(num(v.int64)).toBe(num(9007199254740993n));
    expect(num(v.e20)).toBe(num(10n ** 20n));
    expect([v.f, v.small, v.neg, v.yes, v.nothing]).toStrictEqual([1.5, 300, -5, true, null]);
    expect(v.l).toStrictEqual(['a', 'b']);
    expect(v.set).toStrictEqual(['x', 'y']);
    expect(v.m).toStrictEqual({ a: 2, b: 1 });
    expect(v.empty).toStrictEqual([]);
    expect((input.type as readonly ['object', { [k: string]: CtyType }])[1].l).toStrictEqual(['tuple', ['string', 'string']]);
  });

  it('decodes refined unknowns as Terraform refines them', () => {
    const v = find((d) => Array.isArray(d.type) && d.type[0] === 'object').input.value as { [k: string]: CtyValue };
    expect(v.unk).toStrictEqual(new Unknown({ notNull: true }));
    expect(v.pre).toStrictEqual(new Unknown({ notNull: true, stringPrefix: 'prefix-' }));
    expect(v.len).toStrictEqual(new Unknown({ notNull: true, numberLowerBound: { value: 0, inclusive: true } }));
    expect(v.parts).toBeInstanceOf(Unknown);
  });

  it('re-encodes every value to exactly the bytes go-cty wrote', () => {
    for (const p of planned.filter((q) => !(q.input instanceof Dynamic && q.input.type === 'number'))) {
      expect(hex(encodeMsgpack(p.value, TERRAFORM_DATA))).toBe(hex(p.bytes));
    }
  });

  it('reads a decimal that float64 cannot hold exactly (sent as a string) as the nearest float', () => {
    const { input, bytes } = find((d) => d.type === 'number');
    expect(input.value).toBe(0.1);
    expect(Buffer.from(bytes).includes(Buffer.from('a3302e31', 'hex'))).toBe(true); // the string "0.1"
  });
});

describe('attributes Terraform writes into a state file (real go-cty JSON)', () => {
  const config = `
resource "terraform_data" "j" {
  input = {
    s     = "héllo 😀"
    big   = 1e20
    f     = 0.1
    neg   = -5
    yes   = false
    none  = null
    l     = ["a", "b"]
    set   = toset(["y", "x"])
    m     = tomap({ b = 1, a = 2 })
    inner = { deep = [true] }
  }
}
`;
  let dir = '';
  let attributes: unknown;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cty-state-'));
    writeFileSync(join(dir, 'main.tf'), config);
    writeFileSync(join(dir, 'cli.tfrc'), '');
    const env = terraformEnv(join(dir, 'cli.tfrc'));
    run('terraform', ['init', '-input=false', '-no-color'], dir, env);
    run('terraform', ['apply', '-input=false', '-no-color', '-auto-approve'], dir, env);
    const state = JSON.parse(readFileSync(join(dir, 'terraform.tfstate'), 'utf8')) as {
      resources: { instances: { attributes: unknown }[] }[];
    };
    attributes = first(first(state.resources, 'the state resources').instances, 'the instances').attributes;
  });

  afterAll(() => {
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it('decodes the dynamic {"value", "type"} form and every kind of value', () => {
    const v = decodeJsonValue(attributes, TERRAFORM_DATA) as { [k: string]: CtyValue };
    expect(typeof v.id).toBe('string');
    expect(v.triggers_replace).toBeNull();
    expect(v.input).toBeInstanceOf(Dynamic);
    const input = (v.input as Dynamic).value as { [k: string]: CtyValue };
    expect(num(input.big)).toBe(num(10n ** 20n));
    expect([input.s, input.f, input.neg, input.yes, input.none]).toStrictEqual(['héllo 😀', 0.1, -5, false, null]);
    expect([input.l, input.set, input.m, input.inner]).toStrictEqual([['a', 'b'], ['x', 'y'], { a: 2, b: 1 }, { deep: [true] }]);
    expect(v.output).toStrictEqual(v.input);
  });

  it('writes the same JSON back', () => {
    const decoded = decodeJsonValue(attributes, TERRAFORM_DATA);
    expect(JSON.parse(JSON.stringify(encodeJsonValue(decoded, TERRAFORM_DATA)))).toStrictEqual(attributes);
  });
});
