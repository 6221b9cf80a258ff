// MergeAdoption: brings every merge an identity pool already has into the
// stack, in one plan, as examples/adopt/main.tf does in HCL. The data source
// lists the identities that hold several developer users; each non-first user
// (in sorted order) becomes the source of a merge into the first, declared
// with for_each and adopted with an `import` block with for_each. Importing
// never calls MergeDeveloperIdentities. Needs Terraform 1.8 or newer.
import { Construct } from 'constructs';
import { TerraformElement, TerraformIterator, TerraformLocal, Token, type TerraformProvider } from './cdk';
import { DataCognitoidentityMergedIdentities } from './data-merged-identities';
import { CognitoidentityFunctions } from './functions';
import { MergedIdentity, type OnDestroy } from './merged-identity';

/** Which pool's merges a MergeAdoption adopts. */
export interface MergeAdoptionProps {
  /** Identity pool id, `REGION:GUID`. */
  readonly identityPoolId: string;
  /** The identity pool's developer provider name. */
  readonly developerProviderName: string;
  /** Passed to every adopted MergedIdentity: `warn` (default) or `error`. */
  readonly onDestroy?: OnDestroy;
  /** The provider configuration to use; default the stack's only `cognitoidentity` provider. */
  readonly provider?: TerraformProvider;
}

/** An `import` block with `for_each`, which cdktf's `importFrom` cannot write. */
class ForEachImport extends TerraformElement {
  constructor(
    scope: Construct,
    id: string,
    private readonly block: { forEach: string; to: string; importId: string; provider?: TerraformProvider },
  ) {
    super(scope, id);
  }

  override toTerraform(): Record<string, unknown> {
    const { forEach, to, importId, provider } = this.block;
    // In JSON, `to` is a plain address: Terraform parses the string as a traversal.
    return { import: [{ for_each: forEach, to, id: importId, provider: provider?.fqn }] };
  }

  /** cdktf's HCL renderer would quote `to`, which Terraform rejects: say so instead of writing a broken block. */
  override toHclTerraform(): Record<string, unknown> {
    throw new Error(
      `${this.node.path}: MergeAdoption writes an import block with for_each, which cdktf's HCL output cannot express. ` +
        'Synthesize JSON (the default; remove "hclOutput" from cdktf.json).',
    );
  }
}

/** Every merge an identity pool already has, declared and imported in one plan (no Merge call). */
export class MergeAdoption extends Construct {
  /** The merges the pool holds, read at every plan. */
  readonly existing: DataCognitoidentityMergedIdentities;
  /** Source user => destination user, as Terraform computes it from `existing`. */
  readonly pairs: TerraformLocal;
  /** One instance per adopted merge, keyed by source user. */
  readonly merges: MergedIdentity;

  /** Declares and imports every merge of `props.identityPoolId`. */
  constructor(scope: Construct, id: string, props: MergeAdoptionProps) {
    super(scope, id);
    const { identityPoolId, developerProviderName, provider } = props;
    this.existing = new DataCognitoidentityMergedIdentities(this, 'existing', { identityPoolId, developerProviderName, provider });
    const identities = `data.${DataCognitoidentityMergedIdentities.tfResourceType}.${this.existing.friendlyUniqueId}.identities`;
    this.pairs = new TerraformLocal(
      this,
      'pairs',
      `\${merge({}, [for identity in ${identities} : { for source in slice(identity.developer_user_identifiers, 1, length(identity.developer_user_identifiers)) : source => identity.developer_user_identifiers[0] }]...)}`,
    );
    const each = TerraformIterator.fromMap(this.pairs.asAnyMap);
    this.merges = new MergedIdentity(this, 'adopted', {
      forEach: each,
      identityPoolId,
      developerProviderName,
      sourceUserIdentifier: Token.asString(each.key),
      destinationUserIdentifier: Token.asString(each.value),
      onDestroy: props.onDestroy,
      provider,
    });
    new ForEachImport(this, 'import', {
      forEach: this.pairs.fqn,
      to: `${MergedIdentity.tfResourceType}.${this.merges.friendlyUniqueId}[each.key]`,
      importId: CognitoidentityFunctions.mergedIdentityId(identityPoolId, developerProviderName, Token.asString(each.key), Token.asString(each.value)),
      provider,
    });
  }
}
