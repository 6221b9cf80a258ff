// The cognitoidentity provider as the plugin layer sees it. main.ts imports
// `cognitoProvider` after the handshake; nothing here knows about gRPC or msgpack.

import type { ProviderDefinition } from '../framework/provider';
import { CognitoClients } from './clients';
import { developerIdentityDataSource } from './developer-identity';
import { cognitoFunctions } from './functions';
import { mergedIdentitiesDataSource } from './merged-identities';
import { mergedIdentityResource } from './merged-identity';
import { readProviderSettings, validateProviderConfig } from './provider-config';
import { PROVIDER_IDENTITY } from './identity';
import { DEVELOPER_IDENTITY, MERGED_IDENTITIES, MERGED_IDENTITY, providerSchema } from './schemas';

export const cognitoProvider: ProviderDefinition<CognitoClients> = {
  ...PROVIDER_IDENTITY,
  schema: providerSchema,
  // Destroy-time warnings (the merge stays in Cognito) and on_destroy = "error" show in the plan.
  planDestroy: true,
  validateConfig: (config) => ({ diagnostics: validateProviderConfig(config) }),
  async configure(config, terraformVersion, ctx) {
    // Values still unknown are checked again when they are known; see CognitoClients.forPool.
    const diagnostics = validateProviderConfig(config);
    if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
    const settings = readProviderSettings(config);
    ctx.log.debug('configured cognitoidentity provider', {
      terraform_version: terraformVersion,
      region: settings.region ?? '(from each identity pool id)',
      endpoint: settings.endpoint ?? '(SDK default)',
      static_credentials: settings.credentials !== undefined,
      profile: settings.profile ?? null,
      max_attempts: settings.maxAttempts,
      retry_mode: settings.retryMode,
      unknown_attributes: settings.unknownAttributes,
    });
    return { client: new CognitoClients(settings, ctx.providerLog ?? ctx.log), diagnostics };
  },
  resources: { [MERGED_IDENTITY]: mergedIdentityResource },
  dataSources: { [DEVELOPER_IDENTITY]: developerIdentityDataSource, [MERGED_IDENTITIES]: mergedIdentitiesDataSource },
  functions: cognitoFunctions,
};
