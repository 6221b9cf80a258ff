// The `cognitoidentity_merged_identity` resource, shaped like cdktf's generated
// resource bindings. Attribute names and meanings: provider/src/cognito/schemas.ts.
import type { Construct } from 'constructs';
import {
  ImportableResource,
  TerraformResource,
  booleanToTerraform,
  stringToTerraform,
  type IResolvable,
  type TerraformMetaArguments,
  type TerraformProvider,
} from './cdk';
import { definedHclAttributes, hclBoolean, hclString } from './hcl';
import { GENERATOR_METADATA, metaArgumentsOf } from './metadata';

/** What destroying a merge does: `warn` forgets it with a warning, `error` refuses. The merge stays in Cognito either way. */
export type OnDestroy = 'warn' | 'error';

/** The arguments of `cognitoidentity_merged_identity`. */
export interface MergedIdentityConfig extends TerraformMetaArguments {
  /** Identity pool id, `REGION:GUID`. Changing it forces a new merge. */
  readonly identityPoolId: string;
  /** The identity pool's developer provider name. Changing it forces a new merge. */
  readonly developerProviderName: string;
  /** Developer user identifier to merge away. Changing it forces a new merge. */
  readonly sourceUserIdentifier: string;
  /** Developer user identifier whose identity survives. Changing it forces a new merge. */
  readonly destinationUserIdentifier: string;
  /** `warn` (default): destroy only forgets the merge, with a warning. `error`: destroy is refused. */
  readonly onDestroy?: OnDestroy;
  /**
   * Consent to move logins this merge does not name: Cognito merges whole identities, so every developer user and
   * public login on the source's identity moves with it. Without it, plan fails when anything besides the source
   * would move. Review `movingUsers` in the plan first. See "What a merge moves" in the resource docs.
   */
  readonly allowMovingUnnamedLogins?: boolean | IResolvable;
}

/**
 * Merges one developer user into another's identity (MergeDeveloperIdentities).
 * A merge cannot be undone: destroying this resource only removes it from state.
 */
export class MergedIdentity extends TerraformResource {
  /** The Terraform resource type. */
  static readonly tfResourceType = 'cognitoidentity_merged_identity';

  /**
   * Adopts an existing merge. `importFromId` is
   * `identity_pool_id,developer_provider_name,source_user_identifier,destination_user_identifier`
   * (see `mergedIdentityImportId`).
   */
  static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: TerraformProvider): ImportableResource {
    return new ImportableResource(scope, importToId, {
      terraformResourceType: MergedIdentity.tfResourceType,
      importId: importFromId,
      provider,
    });
  }

  private _identityPoolId?: string;
  private _developerProviderName?: string;
  private _sourceUserIdentifier?: string;
  private _destinationUserIdentifier?: string;
  private _onDestroy?: OnDestroy;
  private _allowMovingUnnamedLogins?: boolean | IResolvable;

  /** Declares the merge of `config.sourceUserIdentifier` into the identity of `config.destinationUserIdentifier`. */
  constructor(scope: Construct, id: string, config: MergedIdentityConfig) {
    super(scope, id, {
      terraformResourceType: MergedIdentity.tfResourceType,
      terraformGeneratorMetadata: GENERATOR_METADATA,
      ...metaArgumentsOf(config),
    });
    this._identityPoolId = config.identityPoolId;
    this._developerProviderName = config.developerProviderName;
    this._sourceUserIdentifier = config.sourceUserIdentifier;
    this._destinationUserIdentifier = config.destinationUserIdentifier;
    this._onDestroy = config.onDestroy;
    this._allowMovingUnnamedLogins = config.allowMovingUnnamedLogins;
  }

  // Getters of configurable attributes return a reference to the attribute
  // (resolved by Terraform); `xxxInput` returns what was configured here.

  /** The import id: `identity_pool_id,developer_provider_name,source_user_identifier,destination_user_identifier`, each part escaped. */
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

  /** The identity pool's developer provider name. */
  get developerProviderName(): string {
    return this.getStringAttribute('developer_provider_name');
  }
  set developerProviderName(value: string) {
    this._developerProviderName = value;
  }
  /** What the config sets for `developerProviderName`, before Terraform resolves it; undefined when unset. */
  get developerProviderNameInput(): string | undefined {
    return this._developerProviderName;
  }

  /** The developer user merged away. */
  get sourceUserIdentifier(): string {
    return this.getStringAttribute('source_user_identifier');
  }
  set sourceUserIdentifier(value: string) {
    this._sourceUserIdentifier = value;
  }
  /** What the config sets for `sourceUserIdentifier`, before Terraform resolves it; undefined when unset. */
  get sourceUserIdentifierInput(): string | undefined {
    return this._sourceUserIdentifier;
  }

  /** The developer user whose identity survives. */
  get destinationUserIdentifier(): string {
    return this.getStringAttribute('destination_user_identifier');
  }
  set destinationUserIdentifier(value: string) {
    this._destinationUserIdentifier = value;
  }
  /** What the config sets for `destinationUserIdentifier`, before Terraform resolves it; undefined when unset. */
  get destinationUserIdentifierInput(): string | undefined {
    return this._destinationUserIdentifier;
  }

  /** What destroying this resource does: `warn` (default) or `error`. */
  get onDestroy(): string {
    return this.getStringAttribute('on_destroy');
  }
  set onDestroy(value: OnDestroy) {
    this._onDestroy = value;
  }
  /** Leaves `onDestroy` unset, so the provider uses its default. */
  resetOnDestroy(): void {
    this._onDestroy = undefined;
  }
  /** What the config sets for `onDestroy`, before Terraform resolves it; undefined when unset. */
  get onDestroyInput(): OnDestroy | undefined {
    return this._onDestroy;
  }

  /** Whether the merge may move logins it does not name (default false). */
  get allowMovingUnnamedLogins(): IResolvable {
    return this.getBooleanAttribute('allow_moving_unnamed_logins');
  }
  set allowMovingUnnamedLogins(value: boolean | IResolvable) {
    this._allowMovingUnnamedLogins = value;
  }
  /** Leaves `allowMovingUnnamedLogins` unset, so the provider uses its default. */
  resetAllowMovingUnnamedLogins(): void {
    this._allowMovingUnnamedLogins = undefined;
  }
  /** What the config sets for `allowMovingUnnamedLogins`, before Terraform resolves it; undefined when unset. */
  get allowMovingUnnamedLoginsInput(): boolean | IResolvable | undefined {
    return this._allowMovingUnnamedLogins;
  }

  /** Every developer user the merge moves: all users on the source's identity, the source first, then the others sorted. Known at plan. */
  get movingUsers(): string[] {
    return this.getListAttribute('moving_users');
  }

  /** How many public logins on the source's identity move with it. */
  get movingPublicLogins(): number {
    return this.getNumberAttribute('moving_public_logins');
  }

  /** The surviving identity id (the destination user's identity). */
  get identityId(): string {
    return this.getStringAttribute('identity_id');
  }

  /** Every developer user identifier linked to `identityId` after the merge. */
  get developerUserIdentifiers(): string[] {
    return this.getListAttribute('developer_user_identifiers');
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return {
      identity_pool_id: stringToTerraform(this._identityPoolId),
      developer_provider_name: stringToTerraform(this._developerProviderName),
      source_user_identifier: stringToTerraform(this._sourceUserIdentifier),
      destination_user_identifier: stringToTerraform(this._destinationUserIdentifier),
      on_destroy: stringToTerraform(this._onDestroy),
      allow_moving_unnamed_logins: booleanToTerraform(this._allowMovingUnnamedLogins),
    };
  }

  protected override synthesizeHclAttributes(): Record<string, unknown> {
    return definedHclAttributes({
      identity_pool_id: hclString(this._identityPoolId),
      developer_provider_name: hclString(this._developerProviderName),
      source_user_identifier: hclString(this._sourceUserIdentifier),
      destination_user_identifier: hclString(this._destinationUserIdentifier),
      on_destroy: hclString(this._onDestroy),
      allow_moving_unnamed_logins: hclBoolean(this._allowMovingUnnamedLogins),
    });
  }
}
