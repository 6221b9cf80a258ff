// The certificate Terraform's go-plugin client makes for AutoMTLS and passes
// to the plugin in PLUGIN_CLIENT_CERT: a self-signed ECDSA P-521 certificate
// for "localhost" that may act as client and server. A plugin accepts only TLS
// clients presenting this exact certificate. Used by the go-plugin client
// (go-plugin-client.ts) of the plugin tests and the launch benchmark; part of
// the shared harness (why it lives in examples/demo: local-emulator.ts).

import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-521', hash: 'SHA-512' } as const;

export interface ClientCertificate {
  certPem: string;
  keyPem: string;
}

export async function generateClientCertificate(): Promise<ClientCertificate> {
  const keys = await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);
  const serial = webcrypto.getRandomValues(new Uint8Array(16));
  // Positive and minimally encoded, as Go's strict DER parser wants.
  serial[0] = ((serial[0] ?? 0) & 0x3f) | 0x40;
  const now = Date.now();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: Buffer.from(serial).toString('hex'),
    name: 'CN=localhost, O=HashiCorp',
    notBefore: new Date(now - 30_000),
    notAfter: new Date(now + 3_600_000),
    signingAlgorithm: ALGORITHM,
    keys: keys as unknown as x509.X509CertificateCreateSelfSignedParams['keys'],
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment | x509.KeyUsageFlags.keyAgreement | x509.KeyUsageFlags.keyCertSign,
        true,
      ),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth, x509.ExtendedKeyUsage.clientAuth]),
      new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: 'localhost' }]),
    ],
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey)).toString('base64');
  const keyPem = `-----BEGIN PRIVATE KEY-----\n${pkcs8.match(/.{1,64}/g)!.join('\n')}\n-----END PRIVATE KEY-----\n`;
  return { certPem: `${cert.toString('pem')}\n`, keyPem };
}
