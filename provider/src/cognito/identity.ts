// What the plugin layer needs of this provider before its handshake: the
// type name and the install hint. Kept apart from provider.ts so serving can
// print the handshake line before the rest of the provider is loaded.

import type { ProviderIdentity } from '../framework/provider';

export const PROVIDER_TYPE = 'cognitoidentity';

export const PROVIDER_IDENTITY: ProviderIdentity = {
  typeName: PROVIDER_TYPE,
  installHint:
    'Install it with `npx terraform-provider-cognitoidentity install` and reference ' + '`terraform.local/cognito/cognitoidentity` in required_providers.',
};
