// Byte-exact checks against what go-cty's msgpack.Marshal writes for the same
// values (cty/msgpack/marshal.go, unknown.go, dynamic.go), and decoding of
// bytes in the forms cty and Terraform send.

import type { CtyType } from '../../../provider/src/framework/values';
import { Dynamic, Unknown, UNKNOWN } from '../../../provider/src/framework/values';
import { decodeMsgpack, encodeMsgpack } from '../../../provider/src/plugin/cty';
import { bytes, hex, num } from './arbitraries';

describe('msgpack bytes match go-cty', () => {
  const cases: [string, Parameters<typeof encodeMsgpack>[0], CtyType, string][] = [
    ['plain unknown', UNKNOWN, 'string', 'd40000'],
    ['null', null, 'string', 'c0'],
    ['string', 'hello', 'string', 'a568656c6c6f'],
    ['bool', true, 'bool', 'c3'],
    ['small int', 1, 'number', '01'],
    ['negative fixint', -1, 'number', 'ff'],
    ['uint16', 300, 'number', 'cd012c'],
    ['int8', -100, 'number', 'd09c'],
    ['uint32 max', 2 ** 32 - 1, 'number', 'ceffffffff'],
    ['2^32 as uint64', 2 ** 32, 'number', 'cf0000000100000000'],
    ['below int32 as int64', -(2 ** 31) - 1, 'number', 'd3ffffffff7fffffff'],
    ['2^60 (exact int64)', 2n ** 60n, 'number', 'cf1000000000000000'],
    ['float', 1.5, 'number', 'cb3ff8000000000000'],
    // Integers beyond int64 are decimal strings, even when float64 could hold them.
    ['2^64 as a decimal string', 2n ** 64n, 'number', 'b4' + hex(new TextEncoder().encode('18446744073709551616'))],
    ['1e20 as a decimal string', 1e20, 'number', 'b5' + hex(new TextEncoder().encode('100000000000000000000'))],
    ['2^64+1 as a decimal string', 2n ** 64n + 1n, 'number', 'b4' + hex(new TextEncoder().encode('18446744073709551617'))],
    ['infinity', Infinity, 'number', 'cb7ff0000000000000'],
    ['list', ['a', 'b'], ['list', 'string'], '92a161a162'],
    ['empty set', [], ['set', 'string'], '90'],
    // Object attributes and map keys are written sorted, as cty does.
    ['object keys sorted', { b: 1, a: 'x' }, ['object', { b: 'number', a: 'string' }], '82a161a178a16201'],
    ['map keys sorted', { b: true, a: false }, ['map', 'bool'], '82a161c2a162c3'],
    ['tuple', ['x', 2], ['tuple', ['string', 'number']], '92a17802'],
    ['dynamic string', new Dynamic('string', 'hi'), 'dynamic', '92c408' + hex(new TextEncoder().encode('"string"')) + 'a26869'],
    ['dynamic null of a type', new Dynamic(['list', 'bool'], null), 'dynamic', '92c40f' + hex(new TextEncoder().encode('["list","bool"]')) + 'c0'],
    ['dynamic plain null', null, 'dynamic', 'c0'],
    // Refined unknowns: ext 12 with an integer-keyed map.
    ['string unknown, not null, prefix "foo"', new Unknown({ notNull: true, stringPrefix: 'foo' }), 'string', 'd70c8201c202a3666f6f'],
    ['number unknown, not null, >= 0', new Unknown({ notNull: true, numberLowerBound: { value: 0, inclusive: true } }), 'number', 'c7070c8201c2039200c3'],
    ['list unknown, length 1..5', new Unknown({ lengthLowerBound: 1, lengthUpperBound: 5 }), ['list', 'string'], 'c7050c820501 0605'],
    // Refinements that do not apply are dropped; cty never writes an empty ext-12 map.
    ['prefix on a number is dropped', new Unknown({ stringPrefix: 'x' }), 'number', 'd40000'],
    ['infinite bounds say nothing', new Unknown({ numberLowerBound: { value: -Infinity, inclusive: true } }), 'number', 'd40000'],
    ['length lower bound 0 says nothing', new Unknown({ lengthLowerBound: 0 }), ['set', 'string'], 'd40000'],
    ['dynamic unknowns are never refined', new Unknown({ notNull: true }), 'dynamic', 'd40000'],
  ];

  it.each(cases)('%s', (_name, value, type, expected) => {
    expect(hex(encodeMsgpack(value, type))).toBe(expected.replace(/\s+/g, ''));
  });

  it('writes a not-null unknown as ext 8, since no fixext holds a 3-byte payload', () => {
    // payload 81 01 c2; vmihailenco's EncodeExtHeader picks ext 8 for lengths other than 1, 2, 4, 8, 16.
    expect(hex(encodeMsgpack(new Unknown({ notNull: true }), 'bool'))).toBe('c7030c8101c2');
  });

  it('cuts a string prefix longer than 256 bytes to 255 bytes of whole characters', () => {
    const prefix = 'é'.repeat(200); // 400 bytes
    const out = decodeMsgpack(encodeMsgpack(new Unknown({ stringPrefix: prefix }), 'string'), 'string');
    expect(out).toBeInstanceOf(Unknown);
    const kept = (out as Unknown).refinements.stringPrefix ?? '';
    expect(kept).toBe('é'.repeat(127)); // 254 bytes: a 128th would make 256 > 255
  });
});

describe('decoding what Terraform sends', () => {
  it('reads any extension with a payload of at most one byte as a plain unknown', () => {
    for (const h of ['d40000', 'd40500', 'd40c00', 'c7000c', 'c70003', 'd4ff01']) {
      expect(decodeMsgpack(bytes(h), 'string')).toStrictEqual(UNKNOWN);
    }
  });

  it('reads refinements and ignores keys it does not know', () => {
    // {1: false, 2: "ab", 7: "future"}
    const payload = '83' + '01c2' + '02a26162' + '07a6' + hex(new TextEncoder().encode('future'));
    const len = payload.length / 2;
    const v = decodeMsgpack(bytes('c7' + len.toString(16).padStart(2, '0') + '0c' + payload), 'string');
    expect(v).toStrictEqual(new Unknown({ notNull: true, stringPrefix: 'ab' }));
  });

  it('reads number bounds and length bounds', () => {
    const v = decodeMsgpack(bytes('c7110c' + '82' + '039201c2' + '0492cb4059000000000000c3'), 'number');
    expect(v).toStrictEqual(new Unknown({ numberLowerBound: { value: 1, inclusive: false }, numberUpperBound: { value: 100, inclusive: true } }));
    expect(decodeMsgpack(bytes('c7050c8205020603'), ['map', 'string'])).toStrictEqual(new Unknown({ lengthLowerBound: 2, lengthUpperBound: 3 }));
  });

  it('drops refinements that do not fit the type instead of failing', () => {
    expect(decodeMsgpack(bytes('d70c8201c202a3666f6f'), 'number')).toStrictEqual(new Unknown({ notNull: true }));
    expect(decodeMsgpack(bytes('d70c8201c202a3666f6f'), 'dynamic')).toStrictEqual(UNKNOWN);
  });

  it('reads strings sent as bin, numbers sent as strings, and floats for integers', () => {
    expect(decodeMsgpack(bytes('c4026869'), 'string')).toBe('hi');
    expect(decodeMsgpack(bytes('a3' + hex(new TextEncoder().encode('1e3'))), 'number')).toBe(1000);
    expect(decodeMsgpack(bytes('a4' + hex(new TextEncoder().encode('-2.5'))), 'number')).toBe(-2.5);
    expect(decodeMsgpack(bytes('cb4000000000000000'), 'number')).toBe(2);
    expect(decodeMsgpack(bytes('ca3fc00000'), 'number')).toBe(1.5); // float32
    const big = '123456789012345678901234567890';
    expect(num(decodeMsgpack(bytes('be' + hex(new TextEncoder().encode(big))), 'number'))).toBe(num(BigInt(big)));
    expect(num(decodeMsgpack(bytes('cf0020000000000001'), 'number'))).toBe(num(2n ** 53n + 1n));
    expect(decodeMsgpack(bytes('cf0000000000000005'), 'number')).toBe(5);
  });

  it('accepts object attributes in any order', () => {
    const type: CtyType = ['object', { a: 'string', b: 'number' }];
    expect(decodeMsgpack(bytes('82a16201a161a178'), type)).toStrictEqual({ a: 'x', b: 1 });
  });

  it('reads dynamic values whose type JSON arrives as str, and plain unknown and nil', () => {
    const t = new TextEncoder().encode('["list","number"]');
    expect(decodeMsgpack(bytes('92' + (0xa0 + t.length).toString(16) + hex(t) + '920102'), 'dynamic')).toStrictEqual(new Dynamic(['list', 'number'], [1, 2]));
    expect(decodeMsgpack(bytes('d40000'), 'dynamic')).toStrictEqual(UNKNOWN);
    expect(decodeMsgpack(bytes('c0'), 'dynamic')).toBeNull();
  });

  it('reads a dynamic value whose type is a cty type constraint with optional attributes', () => {
    const t = new TextEncoder().encode('["object",{"a":"string"},["a"]]');
    expect(decodeMsgpack(bytes('92c4' + t.length.toString(16) + hex(t) + '81a161a178'), 'dynamic')).toStrictEqual(
      new Dynamic(['object', { a: 'string' }], { a: 'x' }),
    );
  });
});
