// The cdktf example app (examples/cdktf), synthesized in-process with cdktf's
// Testing and, as the root cdktf.json runs it, as a real `node` process.
// Applying the synthesized stack with Terraform is covered by the Terraform suites.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Testing } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { CognitoIdentityPool } from '@cdktf/provider-aws/lib/cognito-identity-pool';
import { CognitoidentityProvider, DataCognitoidentityDeveloperIdentity, MergedIdentity } from '../../bindings';
import 'cdktf/lib/testing/adapters/jest';
import { buildMergeExampleStack, EXAMPLE_STACK_NAME } from '../../examples/cdktf/stack';
import { DEFAULT_SETTINGS, ExampleSettingsError, parseSourceUsers, settingsFromEnv, type MergeExampleSettings } from '../../examples/cdktf/settings';

Testing.setupJest();

const ROOT = join(__dirname, '..', '..');

/** cdk.tf.json as these tests read it: the stack always declares the merges; anything else is checked where it is read. */
interface Synth {
  provider: Record<string, Record<string, unknown>[]>;
  resource: { cognitoidentity_merged_identity: Record<string, Record<string, unknown>> } & Record<string, Record<string, Record<string, unknown>>>;
  data: Record<string, Record<string, Record<string, unknown>>>;
  output: Record<string, { value: unknown }>;
  terraform: { required_providers: Record<string, { source: string; version: string }> };
}

function synthExample(settings: MergeExampleSettings): string {
  return Testing.synth(buildMergeExampleStack(Testing.app(), settings));
}

describe('example stack, in-process', () => {
  const local: MergeExampleSettings = { ...DEFAULT_SETTINGS, endpoint: 'http://127.0.0.1:4566', region: 'eu-west-1' };

  test('creates the pool with the developer provider and merges every source into the destination', () => {
    const out = synthExample(local);
    expect(out).toHaveResourceWithProperties(CognitoIdentityPool, {
      developer_provider_name: 'login.example.app',
      allow_unauthenticated_identities: false,
    });
    for (const source of DEFAULT_SETTINGS.sourceUserIdentifiers) {
      expect(out).toHaveResourceWithProperties(MergedIdentity, {
        identity_pool_id: '${aws_cognito_identity_pool.pool.id}',
        source_user_identifier: source,
        destination_user_identifier: 'user-primary',
      });
    }
    expect(out).toHaveDataSourceWithProperties(DataCognitoidentityDeveloperIdentity, { developer_user_identifier: 'user-primary' });
    const parsed = JSON.parse(out) as Synth;
    expect(Object.keys(parsed.resource.cognitoidentity_merged_identity)).toHaveLength(DEFAULT_SETTINGS.sourceUserIdentifiers.length);
    expect(Object.keys(parsed.output).sort()).toEqual(
      ['identity_pool_id', 'lookup_identity_id', 'lookup_user_identifiers', 'merged_identity_id', 'merged_user_identifiers'].sort(),
    );
    expect(parsed.terraform.required_providers.aws?.source).toBe('aws');
    expect(parsed.terraform.required_providers.cognitoidentity?.source).toBe('terraform.local/cognito/cognitoidentity');
  });

  test('points both providers at a custom endpoint and skips the AWS start-up checks', () => {
    const out = synthExample(local);
    expect(out).toHaveProviderWithProperties(AwsProvider, {
      region: 'eu-west-1',
      endpoints: [{ cognitoidentity: 'http://127.0.0.1:4566' }],
      skip_credentials_validation: true,
      skip_requesting_account_id: true,
      skip_metadata_api_check: 'true',
    });
    expect(out).toHaveProviderWithProperties(CognitoidentityProvider, { region: 'eu-west-1', endpoint: 'http://127.0.0.1:4566' });
  });

  test('against AWS (no endpoint) sets no endpoint and keeps the start-up checks', () => {
    const parsed = JSON.parse(synthExample(DEFAULT_SETTINGS)) as Synth;
    expect(parsed.provider.aws?.[0]).toEqual({ region: 'us-east-1' });
    expect(parsed.provider.cognitoidentity?.[0]).toEqual({ region: 'us-east-1' });
  });

  test('uses an existing pool when COGNITO_IDENTITY_POOL_ID is given, without the AWS provider', () => {
    const pool = 'us-east-1:0f0e0d0c-0000-1111-2222-333344445555';
    const parsed = JSON.parse(synthExample({ ...local, existingIdentityPoolId: pool })) as Synth;
    expect(parsed.resource.aws_cognito_identity_pool).toBeUndefined();
    expect(parsed.provider.aws).toBeUndefined();
    for (const block of Object.values(parsed.resource.cognitoidentity_merged_identity)) expect(block.identity_pool_id).toBe(pool);
    expect(parsed.output.identity_pool_id?.value).toBe(pool);
  });

  test('the lookup waits for the last merge and the outputs read the merged identity', () => {
    const parsed = JSON.parse(synthExample(local)) as Synth;
    const merges = parsed.resource.cognitoidentity_merged_identity;
    const last = Object.entries(merges).find(([, merge]) => merge.source_user_identifier === 'user-tablet')?.[0];
    expect(parsed.data.cognitoidentity_developer_identity?.destination?.depends_on).toEqual([`cognitoidentity_merged_identity.${last}`]);
    expect(parsed.output.merged_identity_id?.value).toBe(`\${cognitoidentity_merged_identity.${last}.identity_id}`);
    expect(parsed.output.lookup_user_identifiers?.value).toBe('${data.cognitoidentity_developer_identity.destination.developer_user_identifiers}');
  });

  test('never writes credentials from the environment into the synthesized stack', () => {
    const canaryKey = 'AKIACANARYDONOTLEAK01';
    const canarySecret = 'canary/secret+DoNotLeak0123456789abcdef';
    const env = { AWS_ACCESS_KEY_ID: canaryKey, AWS_SECRET_ACCESS_KEY: canarySecret, AWS_SESSION_TOKEN: canarySecret, COGNITO_ENDPOINT: 'http://localhost:1' };
    const out = synthExample(settingsFromEnv(env));
    expect(out).not.toContain(canaryKey);
    expect(out).not.toContain(canarySecret);
    expect(out).not.toMatch(/access_key|secret_key|"token"/);
  });

  test('fullSynth writes the stack and the cdktf manifest', () => {
    const outdir = Testing.fullSynth(buildMergeExampleStack(Testing.app(), local));
    expect(existsSync(join(outdir, 'manifest.json'))).toBe(true);
    expect(existsSync(join(outdir, 'stacks', EXAMPLE_STACK_NAME, 'cdk.tf.json'))).toBe(true);
  });
});

describe('example settings from the environment', () => {
  test('defaults', () => {
    expect(settingsFromEnv({})).toEqual({ ...DEFAULT_SETTINGS, endpoint: undefined, existingIdentityPoolId: undefined });
  });

  test('region: cdktf context, then AWS_REGION, then AWS_DEFAULT_REGION', () => {
    expect(settingsFromEnv({ AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'eu-west-2' }, 'ap-south-1').region).toBe('ap-south-1');
    expect(settingsFromEnv({ AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'eu-west-2' }).region).toBe('eu-west-1');
    expect(settingsFromEnv({ AWS_DEFAULT_REGION: 'eu-west-2' }).region).toBe('eu-west-2');
    expect(() => settingsFromEnv({}, 42)).toThrow('cdktf context "region" must be a string');
  });

  test('source users: comma list or JSON array (for identifiers holding commas)', () => {
    expect(parseSourceUsers(' a, b ,,c ')).toEqual(['a', 'b', 'c']);
    expect(parseSourceUsers('["a,1", "b:2"]')).toEqual(['a,1', 'b:2']);
    expect(() => parseSourceUsers('["a",')).toThrow(ExampleSettingsError);
    expect(() => parseSourceUsers('["a",')).toThrow(/COGNITO_SOURCE_USERS .* not valid JSON/);
    expect(() => parseSourceUsers('[1, 2]')).toThrow('COGNITO_SOURCE_USERS must be a JSON array of strings.');
  });
});

describe('example app as cdktf.json runs it (node dist/examples/cdktf/main.js)', () => {
  const cdktfJson = JSON.parse(readFileSync(join(ROOT, 'cdktf.json'), 'utf8')) as { app: string; output: string; language: string };
  const mainJs = join(ROOT, 'dist', 'examples', 'cdktf', 'main.js');

  /** Fails (never skips) when the build is missing or older than the example sources. */
  function requireFreshBuild(): void {
    if (!existsSync(mainJs)) throw new Error(`${mainJs} is missing: run \`npm run build\` before these tests.`);
    const built = statSync(mainJs).mtimeMs;
    const srcDirs = [join(ROOT, 'examples', 'cdktf'), join(ROOT, 'bindings')];
    for (const dir of srcDirs) {
      for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
        if (statSync(join(dir, f)).mtimeMs > built) throw new Error(`${join(dir, f)} is newer than ${mainJs}: run \`npm run build\`.`);
      }
    }
  }

  function runApp(env: Record<string, string>): { status: number | null; stdout: string; stderr: string; outdir: string } {
    requireFreshBuild();
    const work = mkdtempSync(join(tmpdir(), 'cdktf-example-'));
    const outdir = join(work, cdktfJson.output);
    // Only what the app needs, so a developer's real credentials never reach it.
    const r = spawnSync(process.execPath, [mainJs], {
      cwd: work,
      env: { PATH: process.env.PATH ?? '', CDKTF_OUTDIR: outdir, ...env },
      encoding: 'utf8',
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, outdir };
  }

  test('cdktf.json runs the built example app', () => {
    expect(cdktfJson).toMatchObject({ language: 'typescript', app: 'node dist/examples/cdktf/main.js', output: 'cdktf.out' });
  });

  test('synthesizes the stack with settings from the environment', () => {
    const r = runApp({ COGNITO_ENDPOINT: 'http://127.0.0.1:4566', COGNITO_SOURCE_USERS: '["x,1","y"]', AWS_REGION: 'eu-central-1' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const parsed = JSON.parse(readFileSync(join(r.outdir, 'stacks', EXAMPLE_STACK_NAME, 'cdk.tf.json'), 'utf8')) as Synth;
    const sources = Object.values(parsed.resource.cognitoidentity_merged_identity)
      .map((b) => b.source_user_identifier)
      .sort();
    expect(sources).toEqual(['x,1', 'y']);
    expect(parsed.provider.cognitoidentity?.[0]).toEqual({ endpoint: 'http://127.0.0.1:4566', region: 'eu-central-1' });
    rmSync(join(r.outdir, '..'), { recursive: true, force: true });
  });

  test.each([
    ['a source equal to the destination', { COGNITO_SOURCE_USERS: 'user-primary' }, /sourceUserIdentifiers\[0\] 'user-primary' is the destination user/],
    ['malformed COGNITO_SOURCE_USERS', { COGNITO_SOURCE_USERS: '["a"' }, /COGNITO_SOURCE_USERS starts with "\[" but is not valid JSON/],
  ])('bad input (%s) exits 1 with a one-line message and no stack trace', (_label, env, message) => {
    const r = runApp(env);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    rmSync(join(r.outdir, '..'), { recursive: true, force: true });
  });
});
