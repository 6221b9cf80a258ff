// The JSON value codec (raw_state.json, DynamicValue.json) and the JSON type encoding.

import fc from 'fast-check';
import type { CtyType, CtyValue } from '../../../provider/src/framework/values';
import { Dynamic, UNKNOWN } from '../../../provider/src/framework/values';
import { CtyCodecError, decodeJsonValue, encodeJsonValue, parseTypeJson, typeToJson } from '../../../provider/src/plugin/cty';
import { canonical, num, typeArb, typedValueArb } from './arbitraries';

function codecError(f: () => unknown): CtyCodecError {
  try {
    f();
  } catch (e) {
    if (e instanceof CtyCodecError) return e;
    throw new Error(`expected a CtyCodecError, got ${String(e)}`);
  }
  throw new Error('expected a CtyCodecError, but nothing was thrown');
}

describe('JSON values', () => {
  it('round-trip through JSON text for every known value (numbers in canonical form)', () => {
    fc.assert(
      fc.property(typedValueArb(3, { unknowns: false, infinity: false }), ({ type, value }) => {
        const text = JSON.stringify(encodeJsonValue(value, type));
        expect(decodeJsonValue(JSON.parse(text), type)).toStrictEqual(canonical(value, type));
      }),
      { numRuns: 200 },
    );
  });

  it('never throws anything but CtyCodecError on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.json(), typeArb(3), (text, type) => {
        try {
          decodeJsonValue(JSON.parse(text), type);
        } catch (e) {
          if (!(e instanceof CtyCodecError)) throw e;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('writes dynamic values as {"value", "type"} and big integers as decimal strings', () => {
    const v = new Dynamic(['list', 'number'], [1, 2n ** 70n, 0.5]);
    expect(JSON.stringify(encodeJsonValue(v, 'dynamic'))).toBe('{"value":[1,"1180591620717411303424",0.5],"type":["list","number"]}');
    // JSON.stringify(2 ** 60) prints 1152921504606847000, which cty would read exactly: a string keeps the value.
    expect(encodeJsonValue(2 ** 60, 'number')).toBe('1152921504606846976');
    expect(encodeJsonValue(10n ** 20n, 'number')).toBe(1e20); // prints as 100000000000000000000, exact
    expect(encodeJsonValue(-0, 'number')).toBe(0);
    expect(decodeJsonValue({ value: 'x', type: 'string' }, 'dynamic')).toStrictEqual(new Dynamic('string', 'x'));
    expect(decodeJsonValue({ value: null, type: ['set', 'bool'] }, 'dynamic')).toStrictEqual(new Dynamic(['set', 'bool'], null));
  });

  it('fills missing attributes with null and drops ones the schema no longer has', () => {
    const type: CtyType = ['object', { id: 'string', nested: ['object', { a: 'number', b: 'bool' }] }];
    const stored = { id: 'x', removed_attribute: 'old', nested: { a: 1 } };
    expect(decodeJsonValue(stored, type)).toStrictEqual({ id: 'x', nested: { a: 1, b: null } });
  });

  it('converts between primitives as cty does', () => {
    expect(decodeJsonValue(12, 'string')).toBe('12');
    expect(decodeJsonValue(true, 'string')).toBe('true');
    expect(decodeJsonValue('42', 'number')).toBe(42);
    expect(num(decodeJsonValue('123456789012345678901234567890', 'number'))).toBe(num(123456789012345678901234567890n));
    expect(decodeJsonValue('false', 'bool')).toBe(false);
    expect(num(decodeJsonValue(2 ** 60, 'number'))).toBe(num(2n ** 60n));
  });

  it('names the path and rule of bad input, without echoing values', () => {
    const type: CtyType = ['object', { ids: ['list', 'number'] }];
    const e = codecError(() => decodeJsonValue({ ids: [1, 'secret-token'] }, type));
    expect(e.path).toBe('.ids[1]');
    expect(e.message).not.toContain('secret-token');
    expect(codecError(() => decodeJsonValue('yes', 'bool')).message).toMatch(/a bool is required, got a string/);
    expect(codecError(() => decodeJsonValue([1], ['tuple', ['number', 'number']])).message).toMatch(/tuple of 2/);
    expect(codecError(() => decodeJsonValue('x', 'dynamic')).message).toMatch(/"value"/);
    expect(codecError(() => decodeJsonValue({ value: 1, type: 'integer' }, 'dynamic')).message).toMatch(/dynamic value type: unknown type name/);
    expect(codecError(() => decodeJsonValue(undefined, 'string')).message).toMatch(/got undefined/);
  });

  it('refuses to write what JSON cannot hold', () => {
    expect(codecError(() => encodeJsonValue(UNKNOWN, 'string')).message).toMatch(/unknown value cannot be written as JSON/);
    expect(codecError(() => encodeJsonValue({ a: [UNKNOWN] }, ['object', { a: ['list', 'string'] }])).path).toBe('.a[0]');
    expect(codecError(() => encodeJsonValue(Infinity, 'number')).message).toMatch(/infinite/);
    expect(codecError(() => encodeJsonValue({}, ['object', { a: 'string' }])).path).toBe('.a');
    expect(codecError(() => encodeJsonValue({ a: 'x', b: 'y' } as CtyValue, ['object', { a: 'string' }])).path).toBe('.b');
  });
});

describe('JSON types', () => {
  it('round-trip', () => {
    fc.assert(
      fc.property(typeArb(4), (t) => {
        const json = typeToJson(t);
        expect(parseTypeJson(json)).toStrictEqual(t);
        expect(typeToJson(parseTypeJson(json))).toBe(json);
      }),
    );
  });

  it('are written compactly, as cty writes them', () => {
    expect(typeToJson('string')).toBe('"string"');
    expect(typeToJson(['list', 'string'])).toBe('["list","string"]');
    expect(typeToJson(['object', { b: 'bool', a: ['map', 'number'] }])).toBe('["object",{"a":["map","number"],"b":"bool"}]');
    expect(typeToJson(['tuple', ['string', 'dynamic']])).toBe('["tuple",["string","dynamic"]]');
    expect(typeToJson(['object', {}])).toBe('["object",{}]');
  });

  it('accept pretty JSON and the optional-attributes element of type constraints', () => {
    expect(parseTypeJson(' [ "set" , "number" ] ')).toStrictEqual(['set', 'number']);
    expect(parseTypeJson('["object",{"a":"string","b":"number"},["b"]]')).toStrictEqual(['object', { a: 'string', b: 'number' }]);
  });

  it('reject anything that is not a type', () => {
    for (const bad of [
      '',
      'string',
      '"text"',
      '["list"]',
      '["list","string","x"]',
      '["map",1]',
      '["object",[]]',
      '["tuple",{}]',
      '["vector","string"]',
      '{}',
      'null',
      '[1,2]',
    ]) {
      expect(codecError(() => parseTypeJson(bad))).toBeInstanceOf(CtyCodecError);
    }
    expect(codecError(() => parseTypeJson('["list",'.repeat(100) + '"string"' + ']'.repeat(100))).message).toMatch(/deeper than/);
    expect(codecError(() => typeToJson(['list', 'text'] as unknown as CtyType)).message).toMatch(/unknown type name/);
  });

  it('never throw anything but CtyCodecError on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string()), (text) => {
        try {
          parseTypeJson(text);
        } catch (e) {
          if (!(e instanceof CtyCodecError)) throw e;
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('objects with awkward own keys', () => {
  it('are described by their prototype, never by an own "constructor" key', () => {
    const e = codecError(() => decodeJsonValue({ constructor: null }, 'string'));
    expect(e.message).toBe('a string is required, got an object');
    const v = decodeJsonValue({ constructor: 'a', hasOwnProperty: 'b', toString: 'c' }, ['map', 'string']) as { [k: string]: unknown };
    expect(Object.keys(v).sort()).toEqual(['constructor', 'hasOwnProperty', 'toString']);
    expect(v.constructor).toBe('a');
  });
});

test('a big integer that is not a double is written as a decimal string, so JSON.parse cannot round it', () => {
  // Found by the property above: the nearest double, -94374845984891536, prints as -94374845984891540.
  const text = JSON.stringify(encodeJsonValue(-94374845984891540n, 'number'));
  expect(text).toBe('"-94374845984891540"');
  expect(num(decodeJsonValue(JSON.parse(text), 'number'))).toBe('-94374845984891540n');
});
