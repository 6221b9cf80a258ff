// Refined unknowns on the msgpack wire: the payload of extension type 12, a
// map with small integer keys (1 nullness, 2 string prefix, 3/4 number
// bounds, 5/6 collection length bounds).

import { Decoder, encode } from '@msgpack/msgpack';
import type { CtyType, Refinements } from '../../framework/values';
import { Unknown, UNKNOWN } from '../../framework/values';
import { CtyCodecError } from './errors';
import { canonicalNumber, numberToWire, parseNumberString } from './numbers';
import { isPlainObject } from './objects';

export const EXT_UNKNOWN = 0;
export const EXT_REFINED_UNKNOWN = 12;

/** cty refuses refinement payloads longer than this. */
const MAX_REFINEMENT_BYTES = 1024;

/** cty keeps string prefixes to at most this many UTF-8 bytes (cutting to 255 when longer). */
const MAX_PREFIX_BYTES = 256;

const KEY_NULLNESS = 1;
const KEY_STRING_PREFIX = 2;
const KEY_NUMBER_MIN = 3;
const KEY_NUMBER_MAX = 4;
const KEY_LENGTH_MIN = 5;
const KEY_LENGTH_MAX = 6;

const utf8 = new TextEncoder();

/**
 * Keeps only the refinements cty allows for the type: none for dynamic,
 * prefixes for strings, bounds for numbers, lengths for lists, sets and maps.
 * Returns the plain UNKNOWN when nothing is left.
 */
export function refineFor(r: Refinements, type: CtyType): Unknown {
  if (type === 'dynamic') return UNKNOWN;
  const kept: Refinements = {};
  if (r.notNull === true) kept.notNull = true;
  if (type === 'string' && r.stringPrefix !== undefined && r.stringPrefix !== '') kept.stringPrefix = r.stringPrefix;
  if (type === 'number') {
    if (r.numberLowerBound !== undefined && r.numberLowerBound.value !== -Infinity) kept.numberLowerBound = r.numberLowerBound;
    if (r.numberUpperBound !== undefined && r.numberUpperBound.value !== Infinity) kept.numberUpperBound = r.numberUpperBound;
  }
  if (Array.isArray(type) && (type[0] === 'list' || type[0] === 'set' || type[0] === 'map')) {
    if (r.lengthLowerBound !== undefined && r.lengthLowerBound !== 0) kept.lengthLowerBound = r.lengthLowerBound;
    if (r.lengthUpperBound !== undefined) kept.lengthUpperBound = r.lengthUpperBound;
  }
  return Object.keys(kept).length === 0 ? UNKNOWN : new Unknown(kept);
}

/**
 * The ext-12 payload for refinements already passed through refineFor, in
 * cty's key order; null when there is nothing to say (send ext 0 instead).
 */
export function encodeRefinements(r: Refinements, path: string): Uint8Array | null {
  const parts: Uint8Array[] = [];
  const put = (key: number, value: unknown): void => {
    parts.push(Uint8Array.of(key), encode(value, { useBigInt64: true }));
  };
  if (r.notNull === true) put(KEY_NULLNESS, false);
  if (r.stringPrefix !== undefined) put(KEY_STRING_PREFIX, truncatePrefix(r.stringPrefix));
  if (r.numberLowerBound !== undefined) put(KEY_NUMBER_MIN, bound(r.numberLowerBound, path));
  if (r.numberUpperBound !== undefined) put(KEY_NUMBER_MAX, bound(r.numberUpperBound, path));
  if (r.lengthLowerBound !== undefined) put(KEY_LENGTH_MIN, length(r.lengthLowerBound, path));
  if (r.lengthUpperBound !== undefined) put(KEY_LENGTH_MAX, length(r.lengthUpperBound, path));
  if (parts.length === 0) return null;
  // At most six entries, so the map header is always a one-byte fixmap.
  return concat([Uint8Array.of(0x80 | (parts.length / 2)), ...parts]);
}

function bound(b: { value: number; inclusive: boolean }, path: string): [number | bigint | string, boolean] {
  return [numberToWire(b.value, path), b.inclusive === true];
}

function length(n: number, path: string): number {
  if (!Number.isSafeInteger(n) || n < 0) throw new CtyCodecError(path, 'a length refinement must be a non-negative integer');
  return n;
}

/** Cuts a long prefix as cty does: to 255 bytes, dropping any split character. */
function truncatePrefix(prefix: string): string {
  if (utf8.encode(prefix).length <= MAX_PREFIX_BYTES) return prefix;
  let out = '';
  let bytes = 0;
  for (const ch of prefix) {
    const size = utf8.encode(ch).length;
    if (bytes + size > MAX_PREFIX_BYTES - 1) break;
    out += ch;
    bytes += size;
  }
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const payloadDecoder = new Decoder({ useBigInt64: true, maxExtLength: 0 });
const utf8Decoder = new TextDecoder();

/**
 * Reads an ext-12 payload. Keys it does not know are ignored, as the wire
 * format asks. Throws CtyCodecError (with an empty path) when malformed.
 */
export function decodeRefinements(payload: Uint8Array): Refinements {
  const r: Refinements = {};
  for (const [key, value] of Object.entries(payloadMap(payload))) readRefinement(r, Number(key), value);
  return r;
}

function payloadMap(payload: Uint8Array): { [key: string]: unknown } {
  if (payload.length > MAX_REFINEMENT_BYTES) {
    throw new CtyCodecError('', `unknown value refinements are longer than ${MAX_REFINEMENT_BYTES} bytes`);
  }
  let map: unknown;
  try {
    map = payloadDecoder.decode(payload);
  } catch {
    throw new CtyCodecError('', 'unknown value refinements are not valid msgpack');
  }
  if (!isPlainObject(map)) throw new CtyCodecError('', 'unknown value refinements must be a map');
  return map;
}

/** Adds the refinement under one payload key to `r`. */
function readRefinement(r: Refinements, key: number, value: unknown): void {
  switch (key) {
    case KEY_NULLNESS:
      if (typeof value !== 'boolean') throw new CtyCodecError('', 'the nullness refinement must be a bool');
      if (!value) r.notNull = true;
      break;
    case KEY_STRING_PREFIX:
      if (typeof value === 'string') r.stringPrefix = value;
      else if (value instanceof Uint8Array) r.stringPrefix = utf8Decoder.decode(value);
      else throw new CtyCodecError('', 'the string prefix refinement must be a string');
      break;
    case KEY_NUMBER_MIN:
      r.numberLowerBound = readBound(value);
      break;
    case KEY_NUMBER_MAX:
      r.numberUpperBound = readBound(value);
      break;
    case KEY_LENGTH_MIN:
      r.lengthLowerBound = readLength(value);
      break;
    case KEY_LENGTH_MAX:
      r.lengthUpperBound = readLength(value);
      break;
    default:
      break; // a refinement from a newer cty
  }
}

function readBound(v: unknown): { value: number; inclusive: boolean } {
  if (!Array.isArray(v) || v.length !== 2 || typeof v[1] !== 'boolean') {
    throw new CtyCodecError('', 'a number bound refinement must be [number, bool]');
  }
  const [n, inclusive] = v as [unknown, boolean];
  let value: number;
  if (typeof n === 'number' || typeof n === 'bigint') value = Number(canonicalNumber(n));
  else if (typeof n === 'string') value = Number(parseNumberString(n, ''));
  else throw new CtyCodecError('', 'a number bound refinement must be [number, bool]');
  if (Number.isNaN(value)) throw new CtyCodecError('', 'a number bound refinement must be [number, bool]');
  return { value, inclusive };
}

function readLength(v: unknown): number {
  const n = typeof v === 'bigint' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
    throw new CtyCodecError('', 'a length refinement must be a non-negative integer');
  }
  return n;
}
