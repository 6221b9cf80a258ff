// Terraform configuration for our provider, as strings, so each test reads
// as the HCL a user would write.

import { LOCAL_CREDENTIALS } from '../../examples/demo/local-emulator';
import { hclAttributes, hclString } from './hcl';
import { PROVIDER_VERSION, SOURCE_ADDRESS } from '../../provider/src/provider-address';
import { REGION, type DeveloperUser, type TestPool } from './emulator';

export interface ProviderSettings {
  endpoint: string;
  /** The provider's source address; default the test mirror's. */
  source?: string;
  /** Default: the emulator's Region. */
  region?: string;
  max_retries?: number;
  retry_mode?: string;
  count_developer_ids_as_linked_logins?: boolean;
  connect_timeout_seconds?: number;
  request_timeout_seconds?: number;
  /** Default: the dummy key pair the emulator verifies signatures with; null leaves the attribute out. */
  access_key?: string | null;
  secret_key?: string | null;
  profile?: string;
}

/** The terraform block and a configured `cognitoidentity` provider. */
export function providerBlock(p: ProviderSettings): string {
  return `terraform {
  required_providers {
    cognitoidentity = {
      source  = ${hclString(p.source ?? SOURCE_ADDRESS)}
      version = ${hclString(PROVIDER_VERSION)}
    }
  }
}

provider "cognitoidentity" {
${hclAttributes({
  endpoint: p.endpoint,
  region: p.region ?? REGION,
  access_key: p.access_key === null ? undefined : (p.access_key ?? LOCAL_CREDENTIALS.accessKeyId),
  secret_key: p.secret_key === null ? undefined : (p.secret_key ?? LOCAL_CREDENTIALS.secretAccessKey),
  profile: p.profile,
  max_retries: p.max_retries,
  retry_mode: p.retry_mode,
  count_developer_ids_as_linked_logins: p.count_developer_ids_as_linked_logins,
  connect_timeout_seconds: p.connect_timeout_seconds,
  request_timeout_seconds: p.request_timeout_seconds,
})}
}
`;
}

export interface MergeSettings {
  identity_pool_id: string;
  developer_provider_name: string;
  source_user_identifier: string;
  destination_user_identifier: string;
  on_destroy?: string;
  allow_moving_unnamed_logins?: boolean;
}

/** Merge `source` into `destination`, two developer users of `pool`. */
export function mergeOf(pool: TestPool, source: DeveloperUser, destination: DeveloperUser): MergeSettings {
  return {
    identity_pool_id: pool.poolId,
    developer_provider_name: pool.providerName,
    source_user_identifier: source.userId,
    destination_user_identifier: destination.userId,
  };
}

export function mergeResource(name: string, m: MergeSettings): string {
  return `resource "cognitoidentity_merged_identity" ${hclString(name)} {
${hclAttributes({ ...m })}
}
`;
}

/** The import id: the four parts joined by commas, `%` and `,` percent-encoded inside each part. */
export function importId(m: MergeSettings): string {
  const enc = (s: string): string => s.replace(/%/g, '%25').replace(/,/g, '%2C');
  return [m.identity_pool_id, m.developer_provider_name, m.source_user_identifier, m.destination_user_identifier].map(enc).join(',');
}
