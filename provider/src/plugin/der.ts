// The few ASN.1 DER building blocks an X.509 certificate needs (ITU-T X.690).
// Each function returns one complete encoding (tag, length, contents), so a
// certificate reads as nested calls that mirror its ASN.1 definition.

/** Universal tags used by X.509. */
const TAG = {
  boolean: 0x01,
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  oid: 0x06,
  printableString: 0x13,
  utcTime: 0x17,
  generalizedTime: 0x18,
  sequence: 0x30,
  set: 0x31,
} as const;

/** Definite-length form: short (< 128) in one byte, otherwise 0x80|count then big-endian bytes. */
function encodeLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** One tag-length-value; `tag` is the whole identifier byte (class, constructed bit, number). */
export function tlv(tag: number, ...contents: Buffer[]): Buffer {
  const body = Buffer.concat(contents);
  return Buffer.concat([Buffer.from([tag]), encodeLength(body.length), body]);
}

export function sequence(...items: Buffer[]): Buffer {
  return tlv(TAG.sequence, ...items);
}

/** SET OF with a single member needs no sorting; every set in our certificate has one. */
export function set(item: Buffer): Buffer {
  return tlv(TAG.set, item);
}

/** [n] EXPLICIT: a constructed context-specific tag wrapping a complete encoding. */
export function explicit(n: number, inner: Buffer): Buffer {
  return tlv(0xa0 | n, inner);
}

/** [n] IMPLICIT over a primitive type: the context tag replaces the universal one. */
export function implicitPrimitive(n: number, contents: Buffer): Buffer {
  return tlv(0x80 | n, contents);
}

export function boolean(value: boolean): Buffer {
  return tlv(TAG.boolean, Buffer.from([value ? 0xff : 0x00]));
}

/**
 * A non-negative INTEGER from big-endian magnitude bytes, minimally encoded:
 * redundant leading zeros dropped, one zero added when the top bit is set
 * (otherwise the value would read as negative, which Go ≥1.23 rejects in serials).
 */
export function unsignedInteger(magnitude: Uint8Array | number): Buffer {
  let bytes = typeof magnitude === 'number' ? smallIntBytes(magnitude) : Buffer.from(magnitude);
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  bytes = bytes.subarray(start);
  if (bytes.length === 0) bytes = Buffer.from([0]);
  if ((bytes[0] ?? 0) & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return tlv(TAG.integer, bytes);
}

function smallIntBytes(n: number): Buffer {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`DER integer must be a non-negative safe integer, got ${n}`);
  const bytes: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.from(bytes);
}

/** Dotted OID, e.g. "2.5.29.17": first two arcs as 40*a+b, each arc base-128 with continuation bits. */
export function oid(dotted: string): Buffer {
  const arcs = dotted.split('.').map(Number);
  const [first, second, ...rest] = arcs;
  if (first === undefined || second === undefined || arcs.some((a) => !Number.isSafeInteger(a) || a < 0)) throw new RangeError(`bad OID ${dotted}`);
  const out: number[] = [];
  for (const arc of [first * 40 + second, ...rest]) {
    const base128: number[] = [arc % 128];
    for (let rest = Math.floor(arc / 128); rest > 0; rest = Math.floor(rest / 128)) base128.unshift((rest % 128) | 0x80);
    out.push(...base128);
  }
  return tlv(TAG.oid, Buffer.from(out));
}

/** BIT STRING; `unusedBits` counts the padding bits at the end of the last byte. */
export function bitString(bytes: Uint8Array, unusedBits = 0): Buffer {
  return tlv(TAG.bitString, Buffer.from([unusedBits]), Buffer.from(bytes));
}

export function octetString(bytes: Uint8Array): Buffer {
  return tlv(TAG.octetString, Buffer.from(bytes));
}

export function printableString(text: string): Buffer {
  if (!/^[A-Za-z0-9 '()+,\-./:=?]*$/.test(text)) throw new RangeError(`not a PrintableString: ${JSON.stringify(text)}`);
  return tlv(TAG.printableString, Buffer.from(text, 'ascii'));
}

/**
 * An X.509 Time (RFC 5280 §4.1.2.5): UTCTime (YYMMDDHHMMSSZ) for years
 * 1950–2049, GeneralizedTime (YYYYMMDDHHMMSSZ) otherwise; whole seconds, UTC.
 */
export function x509Time(date: Date): Buffer {
  const year = date.getUTCFullYear();
  const pad = (n: number): string => String(n).padStart(2, '0');
  const rest = pad(date.getUTCMonth() + 1) + pad(date.getUTCDate()) + pad(date.getUTCHours()) + pad(date.getUTCMinutes()) + pad(date.getUTCSeconds()) + 'Z';
  if (year >= 1950 && year < 2050) return tlv(TAG.utcTime, Buffer.from(pad(year % 100) + rest, 'ascii'));
  if (year < 0 || year > 9999) throw new RangeError(`year ${year} cannot be encoded as an X.509 time`);
  return tlv(TAG.generalizedTime, Buffer.from(String(year).padStart(4, '0') + rest, 'ascii'));
}
