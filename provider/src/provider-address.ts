// Where Terraform finds this provider and what its program is called: the one
// definition of each, imported by the provider, the installers, the release,
// the bindings (through public-api.ts), bench and tests. It imports nothing, so
// the start-up path before the handshake line can use it too. Plain JS that runs
// before a build keeps its own literal, checked against these by
// test/unit/provider-address.test.ts (as are package.json's name and version).

/** The provider's type name: the prefix of its resources, data sources and functions. */
export const PROVIDER_TYPE = 'cognitoidentity';

/** Terraform's name for the provider's program (`terraform-provider-TYPE`); also the npm package's name. */
export const PROGRAM_NAME = `terraform-provider-${PROVIDER_TYPE}` as const;

/** The `required_providers` source address; the explicit host works the same in Terraform and OpenTofu. */
export const SOURCE_ADDRESS = `terraform.local/cognito/${PROVIDER_TYPE}` as const;

/** The provider's version, package.json's `version`. */
export const PROVIDER_VERSION = '0.1.0';
