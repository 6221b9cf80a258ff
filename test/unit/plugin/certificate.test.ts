// The AutoMTLS server certificate must satisfy Go's x509 checks in Terraform:
// SAN localhost, NotBefore in the past, serverAuth EKU, positive serial.
// The certificate is hand-encoded (der.ts), so it is also read back here by an
// independent parser (@peculiar/x509) and walked TLV by TLV for Go's strict rules.

import 'reflect-metadata';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { generateServerCertificate, randomSerialHex } from '../../../provider/src/plugin/certificate';
import { nth, tupleOf } from '../../support/lists';

describe('server certificate', () => {
  const now = new Date('2026-03-01T12:00:00Z');
  let cert: X509Certificate;
  let keyPem: string;
  let der: Buffer;

  beforeAll(async () => {
    const generated = await generateServerCertificate(now);
    der = generated.der;
    cert = new X509Certificate(generated.der);
    keyPem = generated.keyPem;
    expect(generated.certPem).toContain('-----BEGIN CERTIFICATE-----');
    expect(new X509Certificate(generated.certPem).fingerprint256).toBe(cert.fingerprint256);
  });

  test('names localhost and HashiCorp like go-plugin', () => {
    expect(cert.subjectAltName).toBe('DNS:localhost');
    expect(cert.subject).toContain('CN=localhost');
    expect(cert.subject).toContain('O=HashiCorp');
    expect(cert.checkHost('localhost')).toBe('localhost');
  });

  test('is valid from 30 s before now for about 30 years', () => {
    expect(new Date(cert.validFrom).getTime()).toBe(now.getTime() - 30_000);
    const years = (new Date(cert.validTo).getTime() - now.getTime()) / (365.25 * 24 * 3600 * 1000);
    expect(years).toBeGreaterThan(29.9);
    expect(years).toBeLessThan(30.1);
  });

  test('is a self-signed CA usable for server and client auth', () => {
    expect(cert.ca).toBe(true);
    expect(cert.keyUsage).toEqual(expect.arrayContaining(['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']));
    expect(cert.checkIssued(cert)).toBe(true);
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(cert.publicKey.asymmetricKeyType).toBe('ec');
    expect(cert.checkPrivateKey(createPrivateKey(keyPem))).toBe(true);
  });

  test('has a positive 128-bit serial without a redundant leading zero', () => {
    expect(cert.serialNumber).toMatch(/^[0-9A-F]{32}$/);
    expect(parseInt(cert.serialNumber.slice(0, 2), 16)).toBeLessThan(0x80);
    expect(parseInt(cert.serialNumber.slice(0, 2), 16)).toBeGreaterThanOrEqual(0x40);
  });

  test('serials differ between runs and always start below 0x80', () => {
    const serials = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const s = randomSerialHex();
      expect(s).toHaveLength(32);
      expect(parseInt(s.slice(0, 2), 16)).toBeLessThan(0x80);
      serials.add(s);
    }
    expect(serials.size).toBe(200);
  });

  test('every run gets a new key', async () => {
    const other = new X509Certificate((await generateServerCertificate(now)).der);
    expect(other.fingerprint256).not.toBe(cert.fingerprint256);
  });

  test('is signed with ECDSA P-256 / SHA-256 by its own key', () => {
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(cert.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(new x509.X509Certificate(der).signatureAlgorithm).toMatchObject({ name: 'ECDSA', hash: { name: 'SHA-256' } });
  });

  test('carries the go-plugin extensions with the right criticality', () => {
    const parsed = new x509.X509Certificate(der);
    const basic = parsed.getExtension(x509.BasicConstraintsExtension);
    expect(basic).toMatchObject({ ca: true, critical: true, pathLength: undefined });
    const usage = parsed.getExtension(x509.KeyUsagesExtension);
    expect(usage?.critical).toBe(true);
    expect(usage?.usages).toBe(
      x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment | x509.KeyUsageFlags.keyAgreement | x509.KeyUsageFlags.keyCertSign,
    );
    const eku = parsed.getExtension(x509.ExtendedKeyUsageExtension);
    expect(eku?.usages).toEqual(expect.arrayContaining([x509.ExtendedKeyUsage.serverAuth, x509.ExtendedKeyUsage.clientAuth]));
    const san = parsed.getExtension(x509.SubjectAlternativeNameExtension);
    expect(san?.names.toJSON()).toEqual([{ type: 'dns', value: 'localhost' }]);
    expect(parsed.subject).toBe(parsed.issuer);
  });

  test('is strict DER: v3, minimal positive serial, UTCTime before 2050 and GeneralizedTime after', () => {
    const [tbsCertificate] = tupleOf(children(readTlv(der, 0)), 3, 'the Certificate sequence');
    const tbs = children(tbsCertificate);
    // version [0] EXPLICIT INTEGER 2
    const version = nth(tbs, 0, 'the TBSCertificate');
    expect(version.tag).toBe(0xa0);
    expect([...version.value]).toEqual([0x02, 0x01, 0x02]);
    // serial: 16 bytes, first byte 0x40..0x7f, so no padding zero and not negative
    const serial = nth(tbs, 1, 'the TBSCertificate');
    expect(serial.tag).toBe(0x02);
    expect(serial.value).toHaveLength(16);
    expect(serial.value.readUInt8(0) & 0xc0).toBe(0x40);
    const [notBefore, notAfter] = tupleOf(children(nth(tbs, 4, 'the TBSCertificate')), 2, 'the Validity sequence');
    expect(notBefore.tag).toBe(0x17); // UTCTime: 2026
    expect(notBefore.value.toString('ascii')).toBe('260301115930Z');
    expect(notAfter.tag).toBe(0x18); // GeneralizedTime: 2056
    expect(notAfter.value.toString('ascii')).toBe('20560301120000Z');
  });
});

interface Tlv {
  tag: number;
  value: Buffer;
  end: number;
}

/** One DER TLV at `offset`; rejects non-minimal lengths, as Go's parser does. */
function readTlv(buf: Buffer, offset: number): Tlv {
  const tag = buf.readUInt8(offset);
  let length = buf.readUInt8(offset + 1);
  let start = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + buf.readUInt8(start + i);
    expect(buf[start]).not.toBe(0); // no leading zero length bytes
    expect(length).toBeGreaterThanOrEqual(0x80); // long form only when needed
    start += count;
  }
  expect(start + length).toBeLessThanOrEqual(buf.length);
  return { tag, value: buf.subarray(start, start + length), end: start + length };
}

function children(parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let offset = 0; offset < parent.value.length;) {
    const child = readTlv(parent.value, offset);
    out.push(child);
    offset = child.end;
  }
  return out;
}
