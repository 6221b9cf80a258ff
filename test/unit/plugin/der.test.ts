// The DER primitives behind the AutoMTLS certificate, checked against
// encodings from X.690 and RFC 5280 worked by hand.

import { bitString, oid, tlv, unsignedInteger, x509Time } from '../../../provider/src/plugin/der';

const hex = (b: Buffer): string => b.toString('hex');

describe('DER primitives', () => {
  test('lengths use the short form below 128 and the minimal long form above', () => {
    expect(hex(tlv(0x04, Buffer.alloc(127)).subarray(0, 2))).toBe('047f');
    expect(hex(tlv(0x04, Buffer.alloc(128)).subarray(0, 3))).toBe('048180');
    expect(hex(tlv(0x04, Buffer.alloc(300)).subarray(0, 4))).toBe('0482012c');
  });

  test('integers are minimal and never read as negative', () => {
    expect(hex(unsignedInteger(0))).toBe('020100');
    expect(hex(unsignedInteger(2))).toBe('020102');
    expect(hex(unsignedInteger(128))).toBe('02020080');
    expect(hex(unsignedInteger(Buffer.from('0000417f', 'hex')))).toBe('0202417f');
    expect(hex(unsignedInteger(Buffer.from('ff01', 'hex')))).toBe('020300ff01');
    expect(() => unsignedInteger(-1)).toThrow(/non-negative/);
  });

  test('OIDs pack the first two arcs and use base-128 for large arcs', () => {
    expect(hex(oid('2.5.29.17'))).toBe('0603551d11');
    expect(hex(oid('1.2.840.10045.4.3.2'))).toBe('06082a8648ce3d040302');
    expect(() => oid('1')).toThrow(/bad OID/);
  });

  test('bit strings carry the unused-bit count', () => {
    expect(hex(bitString(Uint8Array.of(0xac), 2))).toBe('030202ac');
  });

  test('times switch from UTCTime to GeneralizedTime in 2050 (RFC 5280 4.1.2.5)', () => {
    expect(x509Time(new Date('2049-12-31T23:59:59.999Z')).toString('latin1')).toBe('\x17\x0d491231235959Z');
    expect(x509Time(new Date('2050-01-01T00:00:00Z')).toString('latin1')).toBe('\x18\x0f20500101000000Z');
    expect(x509Time(new Date('1950-01-01T00:00:00Z')).toString('latin1')).toBe('\x17\x0d500101000000Z');
    expect(x509Time(new Date('1949-12-31T23:59:59Z'))[0]).toBe(0x18);
  });
});
