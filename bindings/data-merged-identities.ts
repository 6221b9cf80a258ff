// The `cognitoidentity_merged_identities` data source, shaped like cdktf's
// generated bindings. Attribute names and meanings: provider/src/cognito/schemas.ts.
import type { Construct } from 'constructs';
import {
  ImportableResource,
  TerraformDataSource,
  numberToTerraform,
  stringToTerraform,
  type IResolvable,
  type TerraformMetaArguments,
  type TerraformProvider,
} from './cdk';
import { definedHclAttributes, hclNumber, hclString } from './hcl';
import { GENERATOR_METADATA, metaArgumentsOf } from './metadata';

/** The arguments of `cognitoidentity_merged_identities`. */
export interface DataCognitoidentityMergedIdentitiesConfig extends TerraformMetaArguments {
  /** Identity pool id, `REGION:GUID`. */
  readonly identityPoolId: string;
  /** The identity pool's developer provider name; the read fails when the pool uses another one. */
  readonly developerProviderName: string;
  /** Only identities with at least this many developer user ids are listed: 1 to 10000, default 2. */
  readonly minDeveloperUsers?: number;
}

/**
 * Lists the identities of a pool that hold several developer users: the merges
 * the pool already has (ListIdentities, then LookupDeveloperIdentity per identity).
 */
export class DataCognitoidentityMergedIdentities extends TerraformDataSource {
  /** The Terraform data source type. */
  static readonly tfResourceType = 'cognitoidentity_merged_identities';

  /** Kept for the same shape as generated bindings; data sources are not imported by Terraform. */
  static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: TerraformProvider): ImportableResource {
    return new ImportableResource(scope, importToId, {
      terraformResourceType: DataCognitoidentityMergedIdentities.tfResourceType,
      importId: importFromId,
      provider,
    });
  }

  private _identityPoolId?: string;
  private _developerProviderName?: string;
  private _minDeveloperUsers?: number;

  /** Reads the merges of `config.identityPoolId` at every plan. */
  constructor(scope: Construct, id: string, config: DataCognitoidentityMergedIdentitiesConfig) {
    super(scope, id, {
      terraformResourceType: DataCognitoidentityMergedIdentities.tfResourceType,
      terraformGeneratorMetadata: GENERATOR_METADATA,
      ...metaArgumentsOf(config),
    });
    this._identityPoolId = config.identityPoolId;
    this._developerProviderName = config.developerProviderName;
    this._minDeveloperUsers = config.minDeveloperUsers;
  }

  /** The identity pool id. */
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
  /** The value set in the config, before Terraform resolves it. */
  get identityPoolIdInput(): string | undefined {
    return this._identityPoolId;
  }

  /** The pool's developer provider name. */
  get developerProviderName(): string {
    return this.getStringAttribute('developer_provider_name');
  }
  set developerProviderName(value: string) {
    this._developerProviderName = value;
  }
  /** The value set in the config, before Terraform resolves it. */
  get developerProviderNameInput(): string | undefined {
    return this._developerProviderName;
  }

  /** The smallest group listed (default 2). */
  get minDeveloperUsers(): number {
    return this.getNumberAttribute('min_developer_users');
  }
  set minDeveloperUsers(value: number) {
    this._minDeveloperUsers = value;
  }
  /** Leaves `minDeveloperUsers` unset, so the provider uses its default. */
  resetMinDeveloperUsers(): void {
    this._minDeveloperUsers = undefined;
  }
  /** The value set in the config, before Terraform resolves it. */
  get minDeveloperUsersInput(): number | undefined {
    return this._minDeveloperUsers;
  }

  /**
   * The identities found, ordered by identity id: a list of `{ identity_id, developer_user_identifiers }`,
   * the users sorted. Known only when Terraform reads the data source, so use it in expressions
   * (`for_each`, `Fn.*`), not in TypeScript loops.
   */
  get identities(): IResolvable {
    return this.interpolationForAttribute('identities');
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return {
      identity_pool_id: stringToTerraform(this._identityPoolId),
      developer_provider_name: stringToTerraform(this._developerProviderName),
      min_developer_users: numberToTerraform(this._minDeveloperUsers),
    };
  }

  protected override synthesizeHclAttributes(): Record<string, unknown> {
    return definedHclAttributes({
      identity_pool_id: hclString(this._identityPoolId),
      developer_provider_name: hclString(this._developerProviderName),
      min_developer_users: hclNumber(this._minDeveloperUsers),
    });
  }
}
