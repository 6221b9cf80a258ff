// cty numbers in JavaScript. cty numbers are arbitrary-precision; here an
// integer beyond 2^53 is a bigint (so it is not rounded) and everything else
// is a number. The helpers keep that one canonical form whatever the wire
// form was (int, float, decimal string).

import { CtyCodecError } from './errors';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const INT32_MIN = -(2n ** 31n);
const UINT32_LIMIT = 2n ** 32n;

/** Integers with more digits than this are refused rather than built as huge bigints. */
const MAX_INTEGER_DIGITS = 1000;

/** The canonical JS form of a number: bigint only for integers outside the safe range; -0 becomes 0. */
export function canonicalNumber(n: number | bigint): number | bigint {
  if (typeof n === 'bigint') return n >= Number.MIN_SAFE_INTEGER && n <= Number.MAX_SAFE_INTEGER ? Number(n) : n;
  if (Object.is(n, -0)) return 0;
  if (Number.isInteger(n) && !Number.isSafeInteger(n)) return BigInt(n);
  return n;
}

/** True when both are the same cty number. */
export function numbersEqual(a: number | bigint, b: number | bigint): boolean {
  const x = canonicalNumber(a);
  const y = canonicalNumber(b);
  return typeof x === typeof y && (x === y || (typeof x === 'number' && Number.isNaN(x) && Number.isNaN(y as number)));
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
const INFINITY = /^([+-]?)(?:inf|infinity)$/i;

/**
 * Parses the decimal strings cty uses for numbers it cannot send as int64 or
 * float64. Integers come back exact; fractions are rounded to the nearest float64.
 */
export function parseNumberString(s: string, path: string): number | bigint {
  const inf = INFINITY.exec(s);
  if (inf) return inf[1] === '-' ? -Infinity : Infinity;
  const m = DECIMAL.exec(s);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new CtyCodecError(path, 'a number string is not a decimal number');
  const [, sign, whole, fraction = '', exponentText = '0'] = m;
  let digits = (whole + fraction).replace(/^0+/, '');
  let exponent = Number(exponentText) - fraction.length;
  if (digits === '') return 0;
  const trailingZeros = digits.length - digits.replace(/0+$/, '').length;
  digits = digits.slice(0, digits.length - trailingZeros);
  exponent += trailingZeros;
  if (exponent < 0) return canonicalNumber(Number(s)); // not an integer
  if (digits.length + exponent > MAX_INTEGER_DIGITS) {
    throw new CtyCodecError(path, `a number has more than ${MAX_INTEGER_DIGITS} digits`);
  }
  const magnitude = BigInt(digits) * 10n ** BigInt(exponent);
  return canonicalNumber(sign === '-' ? -magnitude : magnitude);
}

/**
 * What to hand the msgpack encoder for a number, chosen as cty chooses: an
 * int when the value is an integer that fits int64, a decimal string for
 * larger integers, and a float64 for everything else (fractions, ±Infinity).
 * Small ints are passed as numbers and large ones as bigints so the encoder
 * picks the same compact int encodings as cty's.
 */
export function numberToWire(n: number | bigint, path: string): number | bigint | string {
  if (typeof n === 'number') {
    if (Number.isNaN(n)) throw new CtyCodecError(path, 'NaN is not a cty number');
    if (!Number.isInteger(n)) return n; // a fraction or ±Infinity: float64
    n = BigInt(n);
  }
  if (n >= INT64_MIN && n <= INT64_MAX) return intToWire(n);
  return n.toString();
}

function intToWire(i: bigint): number | bigint {
  return i >= INT32_MIN && i < UINT32_LIMIT ? Number(i) : i;
}
