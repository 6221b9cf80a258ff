// What the plugin layer needs of this provider before its handshake: the
// type name and the install hint. Kept apart from provider.ts so serving can
// print the handshake line before the rest of the provider is loaded.

import type { ProviderIdentity } from '../framework/provider';
import { PROGRAM_NAME, PROVIDER_TYPE, SOURCE_ADDRESS } from '../provider-address';

export { PROVIDER_TYPE };

export const PROVIDER_IDENTITY: ProviderIdentity = {
  typeName: PROVIDER_TYPE,
  installHint: `Install it with \`npx ${PROGRAM_NAME} install\` and reference \`${SOURCE_ADDRESS}\` in required_providers.`,
};
