// What the provider says when the credential chain finds nothing, or the Region and the pool id disagree.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { credentialsNotFound } from '../../../provider/src/cognito/credential-errors';
import { poolRegion, regionMismatch } from '../../../provider/src/cognito/region-check';
import type { ProviderSettings } from '../../../provider/src/cognito/provider-config';

let dir: string;
let files: NodeJS.ProcessEnv;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cred-errors-'));
  fs.writeFileSync(path.join(dir, 'config'), '[default]\nregion = us-east-1\n[profile ci]\nregion = eu-west-1\n');
  fs.writeFileSync(path.join(dir, 'credentials'), '[from-creds]\naws_access_key_id = AKIDNOTREAL\n');
  files = { HOME: dir, AWS_CONFIG_FILE: path.join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials') };
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('credentialsNotFound', () => {
  it('names a profile that is in neither file, and where it came from', () => {
    const fromBlock = credentialsNotFound('nope', files);
    expect(fromBlock.title).toBe('AWS profile "nope" not found');
    expect(fromBlock.message).toContain('from `profile` in the provider block');
    expect(credentialsNotFound(undefined, { ...files, AWS_PROFILE: 'gone' }).message).toContain('"gone" (from AWS_PROFILE)');
  });

  it('finds profiles in either file, `[profile x]` in the config file included', () => {
    for (const profile of ['ci', 'from-creds', 'default']) {
      expect(credentialsNotFound(profile, files).title).toBe('no AWS credentials found');
    }
  });

  it('lists the places the chain looked, skipping the environment when a profile is selected', () => {
    const none = credentialsNotFound(undefined, { HOME: dir }).message;
    expect(none).toContain('AWS_ACCESS_KEY_ID is not set');
    expect(none).toContain(`${path.join(dir, '.aws', 'config')} and ${path.join(dir, '.aws', 'credentials')}`);
    expect(none).toContain('EC2 instance metadata (no answer)');
    const withProfile = credentialsNotFound('ci', files).message;
    expect(withProfile).toContain('skipped, because profile "ci" is selected');
    expect(withProfile).not.toContain('AKIDNOTREAL');
  });
});

describe('region check', () => {
  const settings = (region?: string): ProviderSettings => ({
    region,
    regionSource: 'AWS_REGION',
    maxAttempts: 1,
    retryMode: 'standard',
    connectTimeoutMs: 1,
    requestTimeoutMs: 1,
    countDeveloperIdsAsLinkedLogins: true,
    unknownAttributes: [],
  });

  it('reads the Region prefix of a pool id', () => {
    expect(poolRegion('eu-central-1:11a86fa8')).toBe('eu-central-1');
    expect(poolRegion('local:11a86fa8')).toBeUndefined();
    expect(poolRegion('us-east-1')).toBeUndefined();
  });

  it('reports a mismatch only when a Region is set and differs', () => {
    expect(regionMismatch(settings(), 'eu-west-1:11a86fa8')).toBeUndefined();
    expect(regionMismatch(settings('eu-west-1'), 'eu-west-1:11a86fa8')).toBeUndefined();
    expect(regionMismatch(settings('us-east-1'), 'eu-west-1:11a86fa8')).toMatchObject({ poolRegion: 'eu-west-1', region: 'us-east-1', source: 'AWS_REGION' });
  });
});
