// The Terraform configurations compared: N merged identities from our
// provider, and the same N pairs as built-in terraform_data resources (the
// cheapest resource Terraform has), both driven by for_each over one map.

import { PROVIDER_VERSION, SOURCE_ADDRESS } from '../../provider/src/provider-address';
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
