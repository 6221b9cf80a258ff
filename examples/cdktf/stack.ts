// The example stack: an identity pool with a developer provider (hashicorp/aws),
// a chain of merges into one destination user, a lookup of the result, and
// outputs. The users themselves are created out of band (GetOpenIdTokenForDeveloperIdentity),
// as an application would; see README.md.
import { TerraformOutput, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { CognitoIdentityPool } from '@cdktf/provider-aws/lib/cognito-identity-pool';
import type { Construct } from 'constructs';
import { CognitoidentityProvider, DataCognitoidentityDeveloperIdentity, IdentityMerge } from '../../bindings';
import { DEFAULT_SETTINGS, type MergeExampleSettings } from './settings';

export const EXAMPLE_STACK_NAME = 'cognito-merge';

export class MergeExampleStack extends TerraformStack {
  readonly merge: IdentityMerge;
  readonly lookup: DataCognitoidentityDeveloperIdentity;

  constructor(scope: Construct, id: string, settings: MergeExampleSettings = DEFAULT_SETTINGS) {
    super(scope, id);

    new CognitoidentityProvider(this, 'cognitoidentity', {
      region: settings.region,
      endpoint: settings.endpoint,
    });
    // A release served by a registry (docs/releasing.md) has its own address; cdktf's override
    // keeps the bindings as they are.
    if (settings.providerSource) this.addOverride('terraform.required_providers.cognitoidentity.source', settings.providerSource);

    const identityPoolId = settings.existingIdentityPoolId ?? this.createPool(settings).id;

    this.merge = new IdentityMerge(this, 'merge', {
      identityPoolId,
      developerProviderName: settings.developerProviderName,
      destinationUserIdentifier: settings.destinationUserIdentifier,
      sourceUserIdentifiers: settings.sourceUserIdentifiers,
    });

    // Read after the last merge, so the lookup shows the merged result.
    this.lookup = new DataCognitoidentityDeveloperIdentity(this, 'destination', {
      identityPoolId,
      developerUserIdentifier: settings.destinationUserIdentifier,
      dependsOn: [this.merge.lastMerge],
    });

    new TerraformOutput(this, 'identity_pool_id', { value: identityPoolId });
    new TerraformOutput(this, 'merged_identity_id', { value: this.merge.identityId });
    new TerraformOutput(this, 'merged_user_identifiers', { value: this.merge.developerUserIdentifiers });
    new TerraformOutput(this, 'lookup_identity_id', { value: this.lookup.id });
    new TerraformOutput(this, 'lookup_user_identifiers', { value: this.lookup.developerUserIdentifiers });
  }

  private createPool(settings: MergeExampleSettings): CognitoIdentityPool {
    // With a custom endpoint (the emulator) there is no STS, IMDS or account to
    // look up, so the AWS provider's start-up checks are skipped.
    const local = settings.endpoint !== undefined;
    new AwsProvider(this, 'aws', {
      region: settings.region,
      endpoints: local ? [{ cognitoidentity: settings.endpoint }] : undefined,
      skipCredentialsValidation: local || undefined,
      skipRequestingAccountId: local || undefined,
      skipMetadataApiCheck: local ? 'true' : undefined,
      skipRegionValidation: local || undefined,
    });
    return new CognitoIdentityPool(this, 'pool', {
      identityPoolName: settings.identityPoolName,
      allowUnauthenticatedIdentities: false,
      developerProviderName: settings.developerProviderName,
    });
  }
}

/** Builds the example stack; tests synthesize it with cdktf's Testing. */
export function buildMergeExampleStack(
  scope: Construct,
  settings: MergeExampleSettings = DEFAULT_SETTINGS,
  id: string = EXAMPLE_STACK_NAME,
): MergeExampleStack {
  return new MergeExampleStack(scope, id, settings);
}
