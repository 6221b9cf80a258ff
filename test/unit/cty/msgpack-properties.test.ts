// Property tests: any value of any type survives a msgpack round trip, and
// no byte string, however broken, gets anything but a CtyCodecError.

import fc from 'fast-check';
import type { CtyType, CtyValue } from '../../../provider/src/framework/values';
import { CtyCodecError, decodeMsgpack, encodeMsgpack } from '../../../provider/src/plugin/cty';
import { canonical, typeArb, typedValueArb } from './arbitraries';

const withUnknowns = { unknowns: true, infinity: true };

/** Decodes, allowing only success or a CtyCodecError; anything else fails the property. */
function decodeOrCodecError(b: Uint8Array, type: CtyType): CtyValue | CtyCodecError {
  try {
    return decodeMsgpack(b, type);
  } catch (e) {
    if (e instanceof CtyCodecError) return e;
    throw new Error(`expected a CtyCodecError, got ${String(e)}`);
  }
}

describe('msgpack round trip', () => {
  it('decode(encode(v)) is v, with numbers in canonical form', () => {
    fc.assert(
      fc.property(typedValueArb(3, withUnknowns), ({ type, value }) => {
        expect(decodeMsgpack(encodeMsgpack(value, type), type)).toStrictEqual(canonical(value, type));
      }),
      { numRuns: 200 },
    );
  });

  it('encoding is deterministic: re-encoding a decoded value gives the same bytes', () => {
    fc.assert(
      fc.property(typedValueArb(3, withUnknowns), ({ type, value }) => {
        const first = encodeMsgpack(value, type);
        expect(encodeMsgpack(decodeMsgpack(first, type), type)).toStrictEqual(first);
      }),
    );
  });
});

describe('malformed msgpack always gives a CtyCodecError', () => {
  it('random bytes against random types', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), typeArb(3), (b, type) => {
        decodeOrCodecError(b, type);
      }),
      { numRuns: 500 },
    );
  });

  it('every truncation of a valid encoding', () => {
    fc.assert(
      fc.property(typedValueArb(3, withUnknowns), ({ type, value }) => {
        const full = encodeMsgpack(value, type);
        for (let n = 0; n < full.length; n++) {
          expect(decodeOrCodecError(full.subarray(0, n), type)).toBeInstanceOf(CtyCodecError);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('trailing bytes after a valid encoding', () => {
    fc.assert(
      fc.property(typedValueArb(2, withUnknowns), fc.uint8Array({ minLength: 1, maxLength: 4 }), ({ type, value }, extra) => {
        const full = encodeMsgpack(value, type);
        const b = new Uint8Array(full.length + extra.length);
        b.set(full);
        b.set(extra, full.length);
        const out = decodeOrCodecError(b, type);
        expect(out).toBeInstanceOf(CtyCodecError);
        expect((out as CtyCodecError).message).toMatch(/after the value/);
      }),
    );
  });

  it('valid encodings with bytes flipped', () => {
    fc.assert(
      fc.property(typedValueArb(3, withUnknowns), fc.nat(), fc.integer({ min: 1, max: 255 }), ({ type, value }, at, mask) => {
        const b = Uint8Array.from(encodeMsgpack(value, type));
        const i = at % b.length;
        b[i] = (b[i] ?? 0) ^ mask;
        decodeOrCodecError(b, type);
      }),
      { numRuns: 500 },
    );
  });

  it('a value of one type decoded as another', () => {
    fc.assert(
      fc.property(typedValueArb(2, withUnknowns), typeArb(2), ({ type, value }, other) => {
        decodeOrCodecError(encodeMsgpack(value, type), other);
      }),
      { numRuns: 500 },
    );
  });
});
