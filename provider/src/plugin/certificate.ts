// AutoMTLS: a fresh self-signed server certificate per run, shaped like the
// one go-plugin generates (mtls.go). Terraform trusts exactly this certificate
// (it arrives in the handshake line), so what matters to the Go client is:
// SAN DNS localhost, a NotBefore in the past, an EKU with serverAuth, and a
// DER it can parse strictly (positive serial, minimal integer encoding).
//
// Why hand-written DER instead of an X.509 library: the certificate is a fixed
// template, and loading @peculiar/x509 (with reflect-metadata, tsyringe and its
// ASN.1 schema libraries) made up about a third of the provider's start: median
// 752 ms before, 487 ms after, 10 interleaved launches each on a loaded machine.
// node:crypto does the key generation and signing; der.ts only lays out bytes.

import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { bitString, boolean, explicit, implicitPrimitive, octetString, oid, printableString, sequence, set, unsignedInteger, x509Time } from './der';

export interface ServerCertificate {
  certPem: string;
  keyPem: string;
  /** The certificate's DER bytes, for the handshake line. */
  der: Buffer;
}

const BACKDATE_MS = 30_000;
const VALIDITY_YEARS = 30;

const OID = {
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  organization: '2.5.4.10',
  commonName: '2.5.4.3',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  subjectAltName: '2.5.29.17',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
} as const;

/**
 * KeyUsage bits as go-plugin sets them: digitalSignature (bit 0),
 * keyEncipherment (2), keyAgreement (4), keyCertSign (5), numbered from the
 * most significant bit: 1010 1100. DER drops trailing zero bits, so the last
 * two bits are declared unused.
 */
const KEY_USAGE_BITS = Uint8Array.of(0b1010_1100);
const KEY_USAGE_UNUSED_BITS = 2;

/**
 * 16 random bytes as hex, read as a positive, minimally encoded DER integer:
 * the first byte is in 0x40..0x7f, so it is neither negative (Go ≥1.23
 * rejects negative serials) nor a redundant leading zero.
 */
export function randomSerialHex(): string {
  const bytes = randomBytes(16);
  bytes.writeUInt8((bytes.readUInt8(0) & 0x3f) | 0x40, 0);
  return bytes.toString('hex');
}

function toPem(der: Buffer, label: string): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** Extension ::= SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING } */
function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return critical ? sequence(oid(id), boolean(true), octetString(value)) : sequence(oid(id), octetString(value));
}

/** Name in Go's attribute order (O before CN), one attribute per RDN. */
function name(): Buffer {
  return sequence(set(sequence(oid(OID.organization), printableString('HashiCorp'))), set(sequence(oid(OID.commonName), printableString('localhost'))));
}

export async function generateServerCertificate(now: Date = new Date()): Promise<ServerCertificate> {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const notBefore = new Date(now.getTime() - BACKDATE_MS);
  const notAfter = new Date(now);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + VALIDITY_YEARS);
  const signatureAlgorithm = sequence(oid(OID.ecdsaWithSha256)); // parameters absent (RFC 5758 §3.2)

  const tbs = sequence(
    explicit(0, unsignedInteger(2)), // version v3
    unsignedInteger(Buffer.from(randomSerialHex(), 'hex')),
    signatureAlgorithm,
    name(), // issuer: self-signed
    sequence(x509Time(notBefore), x509Time(notAfter)),
    name(), // subject
    publicKey.export({ type: 'spki', format: 'der' }),
    explicit(
      3,
      sequence(
        extension(OID.basicConstraints, true, sequence(boolean(true))), // cA, no path length limit
        extension(OID.keyUsage, true, bitString(KEY_USAGE_BITS, KEY_USAGE_UNUSED_BITS)),
        extension(OID.extKeyUsage, false, sequence(oid(OID.serverAuth), oid(OID.clientAuth))),
        extension(OID.subjectAltName, false, sequence(implicitPrimitive(2, Buffer.from('localhost', 'ascii')))), // dNSName
      ),
    ),
  );
  // With dsaEncoding left at its default, node returns the DER Ecdsa-Sig-Value X.509 expects.
  const der = sequence(tbs, signatureAlgorithm, bitString(sign('sha256', tbs, privateKey)));

  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return { certPem: toPem(der, 'CERTIFICATE'), keyPem, der };
}
