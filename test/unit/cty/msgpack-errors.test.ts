// Specific bad inputs: each must give a CtyCodecError with the right path and
// a message naming the rule, and none may leak the value itself.

import type { CtyType, CtyValue } from '../../../provider/src/framework/values';
import { Dynamic, Unknown } from '../../../provider/src/framework/values';
import { CtyCodecError, decodeMsgpack, encodeMsgpack, MAX_VALUE_DEPTH } from '../../../provider/src/plugin/cty';
import { bytes, hex } from './arbitraries';

function codecError(f: () => unknown): CtyCodecError {
  try {
    f();
  } catch (e) {
    if (e instanceof CtyCodecError) return e;
    throw new Error(`expected a CtyCodecError, got ${String(e)}`);
  }
  throw new Error('expected a CtyCodecError, but nothing was thrown');
}

const merge: CtyType = [
  'object',
  {
    identity_pool_id: 'string',
    developer_user_identifiers: ['list', ['object', { id: 'string', provider: 'string' }]],
    tags: ['map', 'string'],
  },
];

describe('encoding errors name the path', () => {
  const good = (): { [k: string]: CtyValue } => ({
    identity_pool_id: 'pool',
    developer_user_identifiers: [
      { id: 'a', provider: 'p' },
      { id: 'b', provider: 'p' },
      { id: 'c', provider: 'p' },
    ],
    tags: { team: 'x' },
  });

  it('a missing attribute deep inside', () => {
    const v = good();
    (v.developer_user_identifiers as { [k: string]: CtyValue }[])[2] = { id: 'c' };
    const e = codecError(() => encodeMsgpack(v, merge));
    expect(e.path).toBe('.developer_user_identifiers[2].provider');
    expect(e.message).toMatch(/missing/);
  });

  it('an attribute the type does not have', () => {
    const e = codecError(() => encodeMsgpack({ ...good(), extra: null }, merge));
    expect(e.path).toBe('.extra');
    expect(e.message).toMatch(/unsupported attribute/);
  });

  it('a value of the wrong kind, without echoing the value', () => {
    const v = good();
    (v.tags as { [k: string]: CtyValue }).secret = 12345678;
    const e = codecError(() => encodeMsgpack(v, merge));
    expect(e.path).toBe('.tags["secret"]');
    expect(e.message).toMatch(/a string is required, got a number/);
    expect(e.message).not.toContain('12345678');
  });

  it('undefined, NaN, tuples of the wrong length, and plain values at dynamic positions', () => {
    expect(codecError(() => encodeMsgpack(undefined as unknown as CtyValue, 'string')).message).toMatch(/missing/);
    expect(codecError(() => encodeMsgpack(NaN, 'number')).message).toMatch(/NaN/);
    expect(codecError(() => encodeMsgpack(['a'], ['tuple', ['string', 'string']])).message).toMatch(/tuple of 2 elements/);
    expect(codecError(() => encodeMsgpack('hush-secret', 'dynamic')).message).toMatch(/needs a Dynamic value/);
    expect(codecError(() => encodeMsgpack(new Dynamic('string', 'x'), 'string')).message).toMatch(/dynamic value where/);
    expect(codecError(() => encodeMsgpack(new Dynamic('string', 1), 'dynamic')).message).toMatch(/a string is required/);
    expect(codecError(() => encodeMsgpack(new Unknown({ lengthLowerBound: -1 }), ['list', 'string'])).message).toMatch(/length refinement/);
  });

  it('an invalid type', () => {
    expect(codecError(() => encodeMsgpack('x', 'text' as CtyType)).message).toMatch(/invalid type/);
    expect(codecError(() => encodeMsgpack(new Dynamic(['vector', 'string'] as unknown as CtyType, []), 'dynamic')).message).toMatch(/unknown type kind/);
  });
});

describe('decoding errors name the path', () => {
  it('an object with the wrong number of attributes', () => {
    const e = codecError(() => decodeMsgpack(bytes('81a161a178'), ['object', { a: 'string', b: 'string' }]));
    expect(e.message).toBe('an object with 2 attributes is required (1 given)');
  });

  it('an attribute the type does not have, nested in a list', () => {
    const type: CtyType = ['list', ['object', { a: 'string' }]];
    const e = codecError(() => decodeMsgpack(bytes('9281a161a17881a162a178'), type));
    expect(e.path).toBe('[1].b');
    expect(e.message).toMatch(/unsupported attribute/);
  });

  it('the wrong kind of value, without echoing it', () => {
    const secret = new TextEncoder().encode('AKIASECRETVALUE');
    const e = codecError(() => decodeMsgpack(bytes('81a161' + (0xa0 + secret.length).toString(16) + hex(secret)), ['map', 'bool']));
    expect(e.path).toBe('["a"]');
    expect(e.message).toMatch(/a bool is required, got a string/);
    expect(e.message).not.toContain('AKIA');
    const n = codecError(() => decodeMsgpack(bytes((0xa0 + secret.length).toString(16) + hex(secret)), 'number'));
    expect(n.message).toMatch(/not a decimal number/);
    expect(n.message).not.toContain('AKIA');
  });

  it('long extensions other than 12, and bad refinement payloads', () => {
    expect(codecError(() => decodeMsgpack(bytes('d5030000'), 'string')).message).toMatch(/unsupported msgpack extension type 3/);
    expect(codecError(() => decodeMsgpack(bytes('d50c0000'), 'string')).message).toMatch(/refinements are not valid msgpack/);
    expect(codecError(() => decodeMsgpack(bytes('d50c91c0'), 'string')).message).toMatch(/must be a map/);
    expect(codecError(() => decodeMsgpack(bytes('d50c8101c0'.slice(0, 8)), 'string'))).toBeInstanceOf(CtyCodecError);
    expect(codecError(() => decodeMsgpack(bytes('c7030c8101c0'), 'string')).message).toMatch(/nullness refinement must be a bool/);
    expect(codecError(() => decodeMsgpack(bytes('c7030c8103c3'), 'number')).message).toMatch(/\[number, bool\]/);
    expect(codecError(() => decodeMsgpack(bytes('c7030c8105ff'), ['list', 'string'])).message).toMatch(/non-negative integer/);
    // cty refuses refinement blobs over 1024 bytes.
    const long = new Uint8Array(1030);
    long.set([0x81, 0x02, 0xda, 0x04, 0x00]);
    long.fill(0x61, 5);
    const ext = new Uint8Array(4 + long.length);
    ext.set([0xc8, 0x04, 0x06, 0x0c]);
    ext.set(long, 4);
    expect(codecError(() => decodeMsgpack(ext, 'string')).message).toMatch(/longer than 1024 bytes/);
  });

  it('names the path of a bad extension', () => {
    const e = codecError(() => decodeMsgpack(bytes('92c0d5030000'), ['list', 'string']));
    expect(e.path).toBe('[1]');
  });

  it('empty input, trailing bytes, truncation, unknown type bytes, non-string map keys', () => {
    expect(codecError(() => decodeMsgpack(new Uint8Array(0), 'string')).message).toMatch(/no msgpack bytes/);
    expect(codecError(() => decodeMsgpack(bytes('c0c0'), 'string')).message).toMatch(/unexpected bytes after the value/);
    expect(codecError(() => decodeMsgpack(bytes('a5686561'), 'string')).message).toMatch(/claims more than the input holds/);
    expect(codecError(() => decodeMsgpack(bytes('92a161'), ['list', 'string'])).message).toMatch(/ends in the middle/);
    expect(codecError(() => decodeMsgpack(bytes('c1'), 'string')).message).toMatch(/malformed msgpack/);
    expect(codecError(() => decodeMsgpack(bytes('810101'), ['map', 'number'])).message).toMatch(/keys must be strings/);
  });

  it('lengths that claim more than the input holds', () => {
    expect(codecError(() => decodeMsgpack(bytes('dd ffffffff c0'), ['list', 'string']))).toBeInstanceOf(CtyCodecError);
    expect(codecError(() => decodeMsgpack(bytes('df ffffffff c0'), ['map', 'string']))).toBeInstanceOf(CtyCodecError);
    expect(codecError(() => decodeMsgpack(bytes('db ffffffff 61'), 'string'))).toBeInstanceOf(CtyCodecError);
  });

  it('dynamic values of the wrong shape or with a bad type', () => {
    expect(codecError(() => decodeMsgpack(bytes('a161'), 'dynamic')).message).toMatch(/\[type JSON, value\]/);
    expect(codecError(() => decodeMsgpack(bytes('920101'), 'dynamic')).path).toBe('[0]');
    const bad = new TextEncoder().encode('["list"]');
    expect(codecError(() => decodeMsgpack(bytes('92c408' + hex(bad) + 'c0'), 'dynamic')).message).toMatch(/dynamic value type/);
    const notJson = new TextEncoder().encode('{');
    expect(codecError(() => decodeMsgpack(bytes('92c401' + hex(notJson) + 'c0'), 'dynamic')).message).toMatch(/not valid JSON/);
  });

  it('a __proto__ map key is refused cleanly (the msgpack library will not build it)', () => {
    const v = Object.defineProperty({}, '__proto__', { value: 'x', enumerable: true }) as { [k: string]: CtyValue };
    const encoded = encodeMsgpack(v, ['map', 'string']);
    expect(hex(encoded)).toBe('81a95f5f70726f746f5f5fa178');
    expect(codecError(() => decodeMsgpack(encoded, ['map', 'string'])).message).toMatch(/__proto__/);
  });
});

describe('deep nesting never exhausts the stack', () => {
  it('100 000 nested arrays', () => {
    const b = new Uint8Array(100_001).fill(0x91);
    b[100_000] = 0xc0;
    let type: CtyType = 'string';
    for (let i = 0; i < 10; i++) type = ['list', type];
    expect(codecError(() => decodeMsgpack(b, type)).message).toMatch(/a string is required, got an array/);
    expect(codecError(() => decodeMsgpack(b, 'dynamic'))).toBeInstanceOf(CtyCodecError);
  });

  it('dynamic values nested beyond the limit', () => {
    // Each level is [ "dynamic", <next level> ]; the innermost is null.
    const level = '92c409' + hex(new TextEncoder().encode('"dynamic"'));
    const deep = bytes(level.repeat(MAX_VALUE_DEPTH + 10) + 'c0');
    expect(codecError(() => decodeMsgpack(deep, 'dynamic')).message).toMatch(/deeper than/);
    const shallow = bytes(level.repeat(10) + 'c0');
    expect(decodeMsgpack(shallow, 'dynamic')).toBeNull();
  });

  it('dynamic types nested beyond the limit', () => {
    const json = '["list",'.repeat(5000) + '"string"' + ']'.repeat(5000);
    const t = new TextEncoder().encode(json);
    const len = t.length.toString(16).padStart(4, '0');
    expect(codecError(() => decodeMsgpack(bytes('92c5' + len + hex(t) + 'c0'), 'dynamic')).message).toMatch(/deeper than/);
  });

  it('values nested beyond the limit on encode', () => {
    let v: CtyValue = null;
    for (let i = 0; i < MAX_VALUE_DEPTH + 10; i++) v = new Dynamic('dynamic', v);
    expect(codecError(() => encodeMsgpack(v, 'dynamic')).message).toMatch(/deeper than/);
  });
});
