// The AutoMTLS server certificate must satisfy Go's x509 checks in Terraform:
// SAN localhost, NotBefore in the past, serverAuth EKU, positive serial.

import { createPrivateKey, X509Certificate } from 'node:crypto';
import { generateServerCertificate, randomSerialHex } from '../../../provider/src/plugin/certificate';

describe('server certificate', () => {
  const now = new Date('2026-03-01T12:00:00Z');
  let cert: X509Certificate;
  let keyPem: string;

  beforeAll(async () => {
    const generated = await generateServerCertificate(now);
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
});
