// Where Terraform finds the provider these bindings describe: the provider's
// own values (provider/src/provider-address.ts), under the bindings' names.

import { PROVIDER_TYPE, PROVIDER_VERSION as VERSION, SOURCE_ADDRESS } from '../provider/src/public-api';
import type { TerraformMetaArguments } from './cdk';

/** Provider type name: the prefix of every resource and data source type. */
export const PROVIDER_NAME = PROVIDER_TYPE;
/** `required_providers` source address; the explicit host works the same in Terraform and OpenTofu. */
export const PROVIDER_SOURCE = SOURCE_ADDRESS;
/** The provider version these bindings were written against. */
export const PROVIDER_VERSION = VERSION;
/** Constraint for `required_providers`: this version or a later patch release (`~> 0.1.0`: any 0.1.x). */
export const PROVIDER_VERSION_CONSTRAINT = `~> ${PROVIDER_VERSION}` as const;

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
