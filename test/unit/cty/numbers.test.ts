// cty numbers in JS: one canonical form whatever the wire form.

import { CtyCodecError, canonicalNumber, decodeMsgpack, encodeMsgpack, numbersEqual } from '../../../provider/src/plugin/cty';
import { parseNumberString } from '../../../provider/src/plugin/cty/numbers';
import { num } from './arbitraries';

describe('numbers', () => {
  it('are bigint only for integers beyond 2^53', () => {
    expect(canonicalNumber(5n)).toBe(5);
    expect(num(canonicalNumber(2 ** 53))).toBe(num(2n ** 53n));
    expect(canonicalNumber(Number.MAX_SAFE_INTEGER)).toBe(Number.MAX_SAFE_INTEGER);
    expect(canonicalNumber(-0)).toBe(0);
    expect(canonicalNumber(1.5)).toBe(1.5);
    expect(canonicalNumber(Infinity)).toBe(Infinity);
    expect(numbersEqual(1e20, 100000000000000000000n)).toBe(true);
    expect(numbersEqual(1, 1.5)).toBe(false);
  });

  it('parse the decimal strings cty sends, exactly for integers', () => {
    expect(num(parseNumberString('1e30', ''))).toBe(num(10n ** 30n));
    expect(parseNumberString('12.50e1', '')).toBe(125);
    expect(parseNumberString('-0', '')).toBe(0);
    expect(parseNumberString('0e999999', '')).toBe(0);
    expect(parseNumberString('.5', '')).toBe(0.5);
    expect(parseNumberString('1.', '')).toBe(1);
    expect(parseNumberString('+7', '')).toBe(7);
    expect(parseNumberString('1e-5', '')).toBe(0.00001);
    expect(parseNumberString('-Inf', '')).toBe(-Infinity);
    expect(num(parseNumberString('-98765432109876543210', ''))).toBe(num(-98765432109876543210n));
    expect(parseNumberString('3.14159265358979323846264338327950288', '')).toBe(Math.PI);
  });

  it('refuse strings that are not numbers, or integers too long to build', () => {
    for (const bad of ['', '.', 'e5', '1e', '0x10', '1_000', 'NaN', ' 1', '1 ', '--1']) {
      expect(() => parseNumberString(bad, '.n')).toThrow(CtyCodecError);
    }
    expect(() => parseNumberString('1e999999999', '.n')).toThrow(/more than 1000 digits/);
  });

  it('keep their value through msgpack whatever the size', () => {
    for (const n of [0, -1, 127, 128, -32, -33, 255, 65535, 65536, 2 ** 32, -(2 ** 31), -(2 ** 31) - 1, 2 ** 53 - 1, 0.1, -1e-300, 1e300, Number.MAX_VALUE]) {
      expect(num(decodeMsgpack(encodeMsgpack(n, 'number'), 'number'))).toBe(num(canonicalNumber(n)));
    }
    for (const n of [2n ** 63n - 1n, -(2n ** 63n), 2n ** 63n, 2n ** 64n - 1n, -(2n ** 64n), 10n ** 40n + 1n, -(10n ** 40n) - 1n]) {
      expect(num(decodeMsgpack(encodeMsgpack(n, 'number'), 'number'))).toBe(num(n));
    }
  });
});
