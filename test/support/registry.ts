// A Terraform provider registry on 127.0.0.1, over HTTPS with a test CA, that
// serves a release directory (what `npm run release` wrote) through the real
// Provider Registry Protocol: service discovery, then providers.v1 versions
// and downloads. Terraform trusts the CA through SSL_CERT_FILE.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';

export interface TestCertificates {
  caFile: string;
  key: Buffer;
  cert: Buffer;
}

function openssl(args: string[], cwd: string): void {
  const r = spawnSync('openssl', args, { cwd, encoding: 'utf8', timeout: 30_000 });
  if (r.status !== 0) throw new Error(`openssl ${args[0]} failed: ${r.error?.message ?? r.stderr}`);
}

/** A CA and a server certificate for localhost and 127.0.0.1, made with openssl in `dir`. */
export function makeTestCertificates(dir: string): TestCertificates {
  fs.mkdirSync(dir, { recursive: true });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(
    [
      'req',
      '-x509',
      ...ec,
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      '2',
      '-subj',
      '/CN=registry test CA',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign',
    ],
    dir,
  );
  openssl(['req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=localhost'], dir);
  fs.writeFileSync(path.join(dir, 'server.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  openssl(
    ['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '2', '-extfile', 'server.ext'],
    dir,
  );
  return { caFile: path.join(dir, 'ca.pem'), key: fs.readFileSync(path.join(dir, 'server.key')), cert: fs.readFileSync(path.join(dir, 'server.pem')) };
}

export interface RegistryRelease {
  dir: string;
  version: string;
  namespace: string;
  type: string;
  /** ASCII-armored public key that signed SHA256SUMS. */
  publicKey: string;
  keyId: string;
}

export interface TestRegistry {
  /** host:port, the host part of a provider source address. */
  host: string;
  source: string;
  /** Requests served, by path, for assertions on what Terraform asked. */
  requests: string[];
  close(): Promise<void>;
}

function zipsOf(release: RegistryRelease): { os: string; arch: string; file: string; shasum: string }[] {
  const sums = fs.readFileSync(path.join(release.dir, `terraform-provider-${release.type}_${release.version}_SHA256SUMS`), 'utf8');
  const zips = [];
  for (const line of sums.trim().split('\n')) {
    const [shasum, file] = line.split(/\s+/);
    const [, os, arch] = /_([a-z0-9]+)_([a-z0-9]+)\.zip$/.exec(file ?? '') ?? [];
    if (shasum !== undefined && file !== undefined && os !== undefined && arch !== undefined) zips.push({ os, arch, file, shasum });
  }
  return zips;
}

function route(release: RegistryRelease, url: string, base: string): { status: number; body: Buffer | string; type: string } {
  const json = (value: unknown) => ({ status: 200, body: JSON.stringify(value), type: 'application/json' });
  const prefix = `/v1/providers/${release.namespace}/${release.type}`;
  const zips = zipsOf(release);
  if (url === '/.well-known/terraform.json') return json({ 'providers.v1': '/v1/providers/' });
  if (url === `${prefix}/versions`) {
    return json({ versions: [{ version: release.version, protocols: ['6.0'], platforms: zips.map(({ os, arch }) => ({ os, arch })) }] });
  }
  const download = new RegExp(`^${prefix}/${release.version.replace(/\./g, '\\.')}/download/([a-z0-9]+)/([a-z0-9]+)$`).exec(url);
  if (download) {
    const zip = zips.find((z) => z.os === download[1] && z.arch === download[2]);
    if (!zip) return { status: 404, body: '{"errors":["no such platform"]}', type: 'application/json' };
    const sums = `terraform-provider-${release.type}_${release.version}_SHA256SUMS`;
    return json({
      protocols: ['6.0'],
      os: zip.os,
      arch: zip.arch,
      filename: zip.file,
      shasum: zip.shasum,
      download_url: `${base}/files/${zip.file}`,
      shasums_url: `${base}/files/${sums}`,
      shasums_signature_url: `${base}/files/${sums}.sig`,
      signing_keys: { gpg_public_keys: [{ key_id: release.keyId, ascii_armor: release.publicKey }] },
    });
  }
  const file = /^\/files\/([\w.-]+)$/.exec(url)?.[1];
  if (file !== undefined && fs.existsSync(path.join(release.dir, file))) {
    return { status: 200, body: fs.readFileSync(path.join(release.dir, file)), type: 'application/octet-stream' };
  }
  return { status: 404, body: 'not found', type: 'text/plain' };
}

export async function startTestRegistry(release: RegistryRelease, certs: TestCertificates): Promise<TestRegistry> {
  const requests: string[] = [];
  let base = '';
  const server = https.createServer({ key: certs.key, cert: certs.cert }, (req, res) => {
    const url = (req.url ?? '/').split('?')[0] ?? '/';
    requests.push(url);
    const answer = route(release, url, base);
    res.writeHead(answer.status, { 'content-type': answer.type }).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `localhost:${(server.address() as AddressInfo).port}`;
  base = `https://${host}`;
  return {
    host,
    source: `${host}/${release.namespace}/${release.type}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
