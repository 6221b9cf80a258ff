// Each example README's "Try it against the local emulator" commands, taken
// from the README itself and run as written (test/support/readme.ts), one
// after another because each starts the emulator on port 4566. The results are
// checked through the emulator's API, not only through what the commands print.

import path from 'node:path';
import { CognitoIdentityClient, ListIdentityPoolsCommand } from '@aws-sdk/client-cognito-identity';
import type { EmulatorStats } from '../../emulator/src/types';
import { lookupUser } from '../support/emulator';
import { findAwsProviderMirror } from '../support/mirrors';
import { runReadme } from '../support/readme';
import { flat } from '../support/terraform';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
const ENDPOINT = 'http://127.0.0.1:4566';
/** What terraform init, plan -out and apply write next to the example's .tf files. */
const TERRAFORM_FILES = ['.terraform', '.terraform.lock.hcl', 'terraform.tfstate', 'terraform.tfstate.backup'];

async function withClient<T>(use: (client: CognitoIdentityClient, poolId: string) => Promise<T>): Promise<T> {
  const client = new CognitoIdentityClient({
    endpoint: ENDPOINT,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
  try {
    const pools = await client.send(new ListIdentityPoolsCommand({ MaxResults: 10 }));
    return await use(client, pools.IdentityPools?.[0]?.IdentityPoolId ?? '(no pool)');
  } finally {
    client.destroy();
  }
}

async function stats(): Promise<EmulatorStats> {
  return (await (await fetch(`${ENDPOINT}/_emulator/stats`, { signal: AbortSignal.timeout(5000) })).json()) as EmulatorStats;
}

test("examples/adopt: a script's merges, then the adoption, then an empty plan", async () => {
  await runReadme(path.join(EXAMPLES, 'adopt', 'README.md'), {
    runFiles: [...TERRAFORM_FILES, 'adopt.tfplan'],
    whileServing: async ({ out }) => {
      expect(out).toContain('Plan: 3 to import, 0 to add, 0 to change, 0 to destroy.');
      expect(out).toContain('Resources: 3 imported, 0 added, 0 changed, 0 destroyed.');
      expect(out).toContain('No changes. Your infrastructure matches the configuration.');
      expect((await stats()).calls.MergeDeveloperIdentities).toBe(3); // the script's three, none by Terraform
      await withClient(async (client, poolId) => {
        expect((await lookupUser(client, poolId, 'bob')).userIds.sort()).toEqual(['bob', 'bob-laptop', 'bob-tablet']);
        expect((await lookupUser(client, poolId, 'carol')).userIds).toEqual(['carol']);
      });
    },
  });
});

test('examples/hcl: the pool, its users, a reviewed plan and the merges, offline with both mirrors', async () => {
  await runReadme(path.join(EXAMPLES, 'hcl', 'README.md'), {
    env: { AWS_PROVIDER_MIRROR: findAwsProviderMirror() },
    runFiles: [...TERRAFORM_FILES, 'merges.tfplan', 'offline.tfrc'],
    whileServing: async ({ out }) => {
      expect(out).toContain('Plan: 2 to add, 0 to change, 0 to destroy.');
      expect(out).toMatch(/moving_users\s+= \[\s+\+ "user-tablet",\s+\]/);
      expect(out).toContain('Apply complete! Resources: 2 added, 0 changed, 0 destroyed.');
      await withClient(async (client, poolId) => {
        const primary = await lookupUser(client, poolId, 'user-primary');
        expect(primary.userIds.sort()).toEqual(['user-primary', 'user-secondary', 'user-tablet']);
        expect((await lookupUser(client, poolId, 'user-tablet')).identityId).toBe(primary.identityId);
      });
    },
  });
});

test('examples/import: two merges made by a script, imported by main.tf; the next plan is empty', async () => {
  await runReadme(path.join(EXAMPLES, 'import', 'README.md'), {
    // `terraform state rm` leaves a timestamped backup.
    runFiles: [...TERRAFORM_FILES, 'import.tfplan', /^terraform\.tfstate\.\d+\.backup$/],
    whileServing: async ({ out }) => {
      expect(out).toContain('Plan: 2 to import, 0 to add, 0 to change, 0 to destroy.');
      expect(out).toContain('Resources: 2 imported, 0 added, 0 changed, 0 destroyed.');
      expect(out.split('No changes. Your infrastructure matches the configuration.')).toHaveLength(3);
      // The CLI path: one `terraform import` with the id, one through import-merge.sh.
      expect(out.split('Import successful!')).toHaveLength(3);
      expect((await stats()).calls.MergeDeveloperIdentities).toBe(2); // the script's two
      await withClient(async (client, poolId) => {
        expect((await lookupUser(client, poolId, 'acme,legacy:42')).userIds.sort()).toEqual(['acme,legacy:42', 'user-primary', 'user-tablet']);
      });
    },
  });
});

test('examples/cdktf: users created with the AWS CLI, then cdktf deploy from the repository root, offline', async () => {
  // cdktf writes its output and local state next to the root cdktf.json.
  const rootFiles = ['cdktf.out', 'terraform.cognito-merge.tfstate', 'terraform.cognito-merge.tfstate.backup'].map((f) => path.join('..', '..', f));
  await runReadme(path.join(EXAMPLES, 'cdktf', 'README.md'), {
    runFiles: [...rootFiles, 'offline.tfrc'],
    whileServing: async ({ out }) => {
      expect(out).toContain('Apply complete! Resources: 2 added, 0 changed, 0 destroyed.');
      expect((await stats()).calls.MergeDeveloperIdentities).toBe(2);
      await withClient(async (client, poolId) => {
        const primary = await lookupUser(client, poolId, 'user-primary');
        expect(primary.userIds.sort()).toEqual(['user-primary', 'user-secondary', 'user-tablet']);
        expect((await lookupUser(client, poolId, 'user-tablet')).identityId).toBe(primary.identityId);
      });
    },
  });
});

test('examples/cdktf: synth, then Terraform on the synthesized stack creates the pool and merges, offline with both mirrors', async () => {
  const stackDir = path.join('..', '..', 'cdktf.out');
  await runReadme(path.join(EXAMPLES, 'cdktf', 'README.md'), {
    section: '## With Terraform on the synthesized stack',
    env: { AWS_PROVIDER_MIRROR: findAwsProviderMirror() },
    runFiles: [stackDir, 'offline.tfrc'],
    whileServing: async ({ out }) => {
      expect(out).toContain('Apply complete! Resources: 1 added, 0 changed, 0 destroyed.'); // the pool
      expect(out).toContain('Apply complete! Resources: 2 added, 0 changed, 0 destroyed.');
      expect(out).toContain('No changes. Your infrastructure matches the configuration.');
      expect(flat(out)).toContain('"user-primary", "user-secondary", "user-tablet",');
      expect((await stats()).calls.MergeDeveloperIdentities).toBe(2);
      await withClient(async (client, poolId) => {
        expect((await lookupUser(client, poolId, 'user-tablet')).userIds.sort()).toEqual(['user-primary', 'user-secondary', 'user-tablet']);
      });
    },
  });
});
