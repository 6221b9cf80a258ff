// The Terraform configurations compared: N merged identities from our
// provider, the same N pairs as built-in terraform_data resources (the
// cheapest resource Terraform has), and N identity pools of the Go
// hashicorp/aws provider against the same emulator (what an external provider
// written in Go pays per resource), all driven by for_each over one map.

import { PROVIDER_VERSION, SOURCE_ADDRESS } from '../../provider/src/provider-address';
import { AWS_PROVIDER_VERSION } from '../../examples/demo/aws-provider-mirror';
import { REGION } from '../../examples/demo/local-emulator';
import type { MergePair } from './cognito-seed';

/** `locals { pairs = { key = { source = ..., destination = ... } } }` */
function pairsLocal(pairs: readonly MergePair[]): string {
  // JSON string literals are valid HCL strings for these plain identifiers.
  const entries = pairs.map((p) => `    ${JSON.stringify(p.key)} = { source = ${JSON.stringify(p.source)}, destination = ${JSON.stringify(p.destination)} }`);
  return `locals {\n  pairs = {\n${entries.join('\n')}\n  }\n}\n`;
}

/** The terraform block and our provider pointed at `endpoint`: the head of every benchmark configuration. */
export function providerHeader(endpoint: string): string {
  return `terraform {
  required_providers {
    cognitoidentity = {
      source  = ${JSON.stringify(SOURCE_ADDRESS)}
      version = ${JSON.stringify(PROVIDER_VERSION)}
    }
  }
}

# Credentials come from the environment (the emulator's dummy keys).
provider "cognitoidentity" {
  endpoint = ${JSON.stringify(endpoint)}
  region   = ${JSON.stringify(REGION)}
}
`;
}

export function mergedIdentityConfig(endpoint: string, poolId: string, providerName: string, pairs: readonly MergePair[]): string {
  return `${providerHeader(endpoint)}
${pairsLocal(pairs)}
resource "cognitoidentity_merged_identity" "m" {
  for_each                    = local.pairs
  identity_pool_id            = ${JSON.stringify(poolId)}
  developer_provider_name     = ${JSON.stringify(providerName)}
  source_user_identifier      = each.value.source
  destination_user_identifier = each.value.destination
}
`;
}

export function terraformDataConfig(pairs: readonly MergePair[]): string {
  return `${pairsLocal(pairs)}
resource "terraform_data" "m" {
  for_each = local.pairs
  input    = each.value
}
`;
}

/** N aws_cognito_identity_pool resources of hashicorp/aws, pointed at the emulator at `endpoint` (credentials from the environment). */
export function awsIdentityPoolsConfig(endpoint: string, pairs: readonly MergePair[]): string {
  return `terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ${JSON.stringify(AWS_PROVIDER_VERSION)}
    }
  }
}

provider "aws" {
  region                      = ${JSON.stringify(REGION)}
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
  endpoints {
    cognitoidentity = ${JSON.stringify(endpoint)}
  }
}

${pairsLocal(pairs)}
resource "aws_cognito_identity_pool" "m" {
  for_each                         = local.pairs
  identity_pool_name               = "bench_go_\${each.key}"
  allow_unauthenticated_identities = false
}
`;
}
