// Where Terraform finds the provider these bindings describe. The same values
// are in docs/architecture.md and the root cdktf.json.

import type { TerraformMetaArguments } from './cdk';

/** Provider type name: the prefix of every resource and data source type. */
export const PROVIDER_NAME = 'cognitoidentity';
/** `required_providers` source address; the explicit host works the same in Terraform and OpenTofu. */
export const PROVIDER_SOURCE = 'terraform.local/cognito/cognitoidentity';
/** The provider version these bindings were written against. */
export const PROVIDER_VERSION = '0.1.0';
/** Constraint for `required_providers`: any 0.1.x release. */
export const PROVIDER_VERSION_CONSTRAINT = '~> 0.1.0';

/** What cdktf records about the bindings in the synthesized JSON. */
export const GENERATOR_METADATA = {
  providerName: PROVIDER_NAME,
  providerVersion: PROVIDER_VERSION,
  providerVersionConstraint: PROVIDER_VERSION_CONSTRAINT,
} as const;

/** The meta-arguments (provider, depends_on, count, ...) every resource and data source passes to cdktf unchanged. */
export function metaArgumentsOf(config: TerraformMetaArguments): TerraformMetaArguments {
  const { provider, dependsOn, count, lifecycle, provisioners, connection, forEach } = config;
  return { provider, dependsOn, count, lifecycle, provisioners, connection, forEach };
}
