// The `cognitoidentity_developer_identity` data source, shaped like cdktf's
// generated bindings. Attribute names and meanings: provider/src/cognito/schemas.ts.
import type { Construct } from 'constructs';
import { ImportableResource, TerraformDataSource, stringToTerraform, type TerraformMetaArguments, type TerraformProvider } from './cdk';
import { definedHclAttributes, hclString } from './hcl';
import { GENERATOR_METADATA, metaArgumentsOf } from './metadata';

/** The arguments of `cognitoidentity_developer_identity`: the pool and exactly one lookup key. */
export interface DataCognitoidentityDeveloperIdentityConfig extends TerraformMetaArguments {
  /** Identity pool id, `REGION:GUID`. */
  readonly identityPoolId: string;
  /** Developer user identifier to look up. Set exactly one of this or identityId. */
  readonly developerUserIdentifier?: string;
  /** Identity id to look up. Set exactly one of this or developerUserIdentifier. */
  readonly identityId?: string;
}

/** Looks up a developer-authenticated identity (LookupDeveloperIdentity). */
export class DataCognitoidentityDeveloperIdentity extends TerraformDataSource {
  /** The Terraform data source type. */
  static readonly tfResourceType = 'cognitoidentity_developer_identity';

  /** Kept for the same shape as generated bindings; data sources are not imported by Terraform. */
  static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: TerraformProvider): ImportableResource {
    return new ImportableResource(scope, importToId, {
      terraformResourceType: DataCognitoidentityDeveloperIdentity.tfResourceType,
      importId: importFromId,
      provider,
    });
  }

  private _identityPoolId?: string;
  private _developerUserIdentifier?: string;
  private _identityId?: string;

  /** Looks the identity up at every plan, by `config.developerUserIdentifier` or `config.identityId`. */
  constructor(scope: Construct, id: string, config: DataCognitoidentityDeveloperIdentityConfig) {
    super(scope, id, {
      terraformResourceType: DataCognitoidentityDeveloperIdentity.tfResourceType,
      terraformGeneratorMetadata: GENERATOR_METADATA,
      ...metaArgumentsOf(config),
    });
    this._identityPoolId = config.identityPoolId;
    this._developerUserIdentifier = config.developerUserIdentifier;
    this._identityId = config.identityId;
  }

  /** The identity id found. */
  get id(): string {
    return this.getStringAttribute('id');
  }

  /** Identity pool id, `REGION:GUID`. */
  get identityPoolId(): string {
    return this.getStringAttribute('identity_pool_id');
  }
  set identityPoolId(value: string) {
    this._identityPoolId = value;
  }
  /** What the config sets for `identityPoolId`, before Terraform resolves it; undefined when unset. */
  get identityPoolIdInput(): string | undefined {
    return this._identityPoolId;
  }

  /** The developer user identifier looked up, when set. */
  get developerUserIdentifier(): string {
    return this.getStringAttribute('developer_user_identifier');
  }
  set developerUserIdentifier(value: string) {
    this._developerUserIdentifier = value;
  }
  /** Leaves `developerUserIdentifier` unset, so the provider uses its default. */
  resetDeveloperUserIdentifier(): void {
    this._developerUserIdentifier = undefined;
  }
  /** What the config sets for `developerUserIdentifier`, before Terraform resolves it; undefined when unset. */
  get developerUserIdentifierInput(): string | undefined {
    return this._developerUserIdentifier;
  }

  /** Optional and computed: the id to look up, or the one found. */
  get identityId(): string {
    return this.getStringAttribute('identity_id');
  }
  set identityId(value: string) {
    this._identityId = value;
  }
  /** Leaves `identityId` unset, so the provider uses its default. */
  resetIdentityId(): void {
    this._identityId = undefined;
  }
  /** What the config sets for `identityId`, before Terraform resolves it; undefined when unset. */
  get identityIdInput(): string | undefined {
    return this._identityId;
  }

  /** Every developer user identifier linked to the identity. */
  get developerUserIdentifiers(): string[] {
    return this.getListAttribute('developer_user_identifiers');
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return {
      identity_pool_id: stringToTerraform(this._identityPoolId),
      developer_user_identifier: stringToTerraform(this._developerUserIdentifier),
      identity_id: stringToTerraform(this._identityId),
    };
  }

  protected override synthesizeHclAttributes(): Record<string, unknown> {
    return definedHclAttributes({
      identity_pool_id: hclString(this._identityPoolId),
      developer_user_identifier: hclString(this._developerUserIdentifier),
      identity_id: hclString(this._identityId),
    });
  }
}
