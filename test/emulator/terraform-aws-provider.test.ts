// The real hashicorp/aws provider (5.100.0, from the filesystem mirror)
// manages an identity pool in the emulator: create, a clean second plan,
// destroy. This pins the emulator to what a third-party client expects.

import { DescribeIdentityPoolCommand, ListIdentityPoolsCommand } from '@aws-sdk/client-cognito-identity';
import { LOCAL_CREDENTIALS } from '../../examples/demo/local-emulator';
import { hclString } from '../support/hcl';
import { REGION, startTestEmulator, type TestEmulator } from '../support/emulator';
import { expectExit, TerraformWorkspace } from '../support/terraform';

let env: TestEmulator;

beforeAll(async () => {
  env = await startTestEmulator();
});

afterAll(async () => {
  await env?.stop();
});

function awsConfig(endpoint: string, poolName: string): string {
  return `
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "5.100.0"
    }
  }
}

provider "aws" {
  region                      = ${hclString(REGION)}
  # The emulator verifies SigV4 signatures against the dummy key pair.
  access_key                  = ${hclString(LOCAL_CREDENTIALS.accessKeyId)}
  secret_key                  = ${hclString(LOCAL_CREDENTIALS.secretAccessKey)}
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
  endpoints {
    cognitoidentity = ${hclString(endpoint)}
  }
}

resource "aws_cognito_identity_pool" "pool" {
  identity_pool_name               = ${hclString(poolName)}
  allow_unauthenticated_identities = false
  developer_provider_name          = "login.tfaws.example"
}

output "pool_id" {
  value = aws_cognito_identity_pool.pool.id
}
`;
}

// The AWS provider binary takes seconds to start and Terraform starts it several
// times per command; on a loaded machine this test needs more than jest's default.
const AWS_TEST_TIMEOUT_MS = 480_000;

test(
  'aws_cognito_identity_pool: create, empty second plan, destroy',
  async () => {
    const ws = TerraformWorkspace.create('aws-pool', { ourProvider: false, awsProvider: true });
    ws.write('main.tf', awsConfig(env.emulator.endpoint, 'tf_aws_pool'));

    expectExit(await ws.init(), 0, 'terraform init');
    expectExit(await ws.apply(), 0, 'terraform apply');

    const out = expectExit(await ws.run(['output', '-no-color', '-raw', 'pool_id']), 0, 'terraform output');
    const poolId = out.stdout.trim();
    expect(poolId).toMatch(/^us-east-1:[0-9a-f-]+$/);
    const described = await env.client.send(new DescribeIdentityPoolCommand({ IdentityPoolId: poolId }));
    expect(described.IdentityPoolName).toBe('tf_aws_pool');
    expect(described.DeveloperProviderName).toBe('login.tfaws.example');
    expect(described.AllowUnauthenticatedIdentities).toBe(false);

    // Read back through the provider's refresh: nothing to change.
    const plan = await ws.plan('-detailed-exitcode');
    expectExit(plan, 0, 'terraform plan -detailed-exitcode after apply');

    expectExit(await ws.destroy(), 0, 'terraform destroy');
    const pools = await env.client.send(new ListIdentityPoolsCommand({ MaxResults: 60 }));
    expect((pools.IdentityPools ?? []).map((p) => p.IdentityPoolId)).not.toContain(poolId);

    ws.cleanup();
  },
  AWS_TEST_TIMEOUT_MS,
);
