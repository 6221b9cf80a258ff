// IdentityMerge: merges several developer users into one destination identity.
// One MergedIdentity per source, applied strictly one after another through a
// depends_on chain, because merges into the same identity must not race (each
// one changes the destination's linked logins, which Cognito caps at 20).
//
// It follows the provider's rule "What a merge moves" (docs/resources/
// merged_identity.md): a fan-in, never a chain. A user that is a source of one
// IdentityMerge and the destination of another in the same stack, or a source
// in two of them, fails synth with the fan-in to write instead.
import { createHash } from 'node:crypto';
import { Construct } from 'constructs';
import { Token, type IResolvable, type ITerraformDependable, type TerraformProvider } from './cdk';
import { MergedIdentity, type OnDestroy } from './merged-identity';

/** Cognito's limit on the logins linked to one identity. */
export const MAX_LINKED_LOGINS = 20;

/** What an IdentityMerge merges: several source users into one destination, in one pool. */
export interface IdentityMergeProps {
  /** Identity pool id, `REGION:GUID`. */
  readonly identityPoolId: string;
  /** The identity pool's developer provider name. */
  readonly developerProviderName: string;
  /** The user whose identity survives. */
  readonly destinationUserIdentifier: string;
  /** The users merged away, in the order they are merged. Must be a concrete array (its elements may be tokens). */
  readonly sourceUserIdentifiers: string[];
  /** Passed to every MergedIdentity: `warn` (default) or `error`. */
  readonly onDestroy?: OnDestroy;
  /**
   * Passed to every MergedIdentity: consent to move logins the merges do not name (other developer users and
   * public logins on a source's identity). Default false: plan refuses such a merge and names what would move.
   */
  readonly allowMovingUnnamedLogins?: boolean | IResolvable;
  /** The provider configuration every merge uses; default the stack's only `cognitoidentity` provider. */
  readonly provider?: TerraformProvider;
  /**
   * Logins already linked to the destination identity, counting the destination
   * user itself. Default 1. Each source is counted as one more login; raise this
   * if sources carry extra logins of their own.
   */
  readonly existingLinkedLogins?: number;
  /**
   * Whether each developer user counts as one of the 20 linked logins (default
   * true). AWS does not document it; set false together with the provider's
   * `countDeveloperIdsAsLinkedLogins: false` to merge more than 19 sources into
   * one identity, and synth then leaves the limit to Cognito. A plain boolean,
   * not a token: the construct reads it while synthesizing, for its own check.
   */
  readonly countDeveloperIdsAsLinkedLogins?: boolean;
  /** What the first merge of the chain waits for (the rest wait for it). */
  readonly dependsOn?: ITerraformDependable[];
}

/** Bad IdentityMerge props, found while the construct is built (before synth). */
export class IdentityMergeError extends Error {
  /** Always `IdentityMergeError`. */
  override readonly name = 'IdentityMergeError';
}

/**
 * Construct id for a source's merge: readable, and the same wherever the source
 * sits in the list, so reordering the list moves no Terraform address. The
 * hash keeps ids unique when sanitizing maps two identifiers to the same text.
 */
export function mergeConstructId(sourceUserIdentifier: string): string {
  const readable = sourceUserIdentifier.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40);
  const hash = createHash('sha256').update(sourceUserIdentifier, 'utf8').digest('hex').slice(0, 8);
  return `from-${readable}-${hash}`;
}

/**
 * Merges several developer users into one destination identity: one MergedIdentity per source, applied one
 * after another. Bad props fail with IdentityMergeError when the construct is built.
 */
export class IdentityMerge extends Construct {
  /** The merges in the order they are applied. */
  readonly merges: readonly MergedIdentity[];

  /** Declares one merge per source user, chained with depends_on. */
  constructor(scope: Construct, id: string, props: IdentityMergeProps) {
    super(scope, id);
    validateProps(this.node.path, props);
    propsOf.set(this, props);

    const merges: MergedIdentity[] = [];
    for (const source of props.sourceUserIdentifiers) {
      const previous = merges[merges.length - 1];
      merges.push(
        new MergedIdentity(this, mergeConstructId(source), {
          identityPoolId: props.identityPoolId,
          developerProviderName: props.developerProviderName,
          sourceUserIdentifier: source,
          destinationUserIdentifier: props.destinationUserIdentifier,
          onDestroy: props.onDestroy,
          allowMovingUnnamedLogins: props.allowMovingUnnamedLogins,
          provider: props.provider,
          dependsOn: previous ? [previous] : props.dependsOn,
        }),
      );
    }
    this.merges = merges;
    this.node.addValidation({ validate: () => crossMergeProblems(this, props) });
  }

  /** The last merge of the chain: its read-back reflects every merge. */
  get lastMerge(): MergedIdentity {
    const last = this.merges.at(-1);
    // validateProps refuses an empty sourceUserIdentifiers, so there is always one.
    if (!last) throw new IdentityMergeError(`IdentityMerge '${this.node.path}' has no merges.`);
    return last;
  }

  /** The surviving identity id. */
  get identityId(): string {
    return this.lastMerge.identityId;
  }

  /** Every developer user identifier linked to the surviving identity after all merges. */
  get developerUserIdentifiers(): string[] {
    return this.lastMerge.developerUserIdentifiers;
  }
}

type Fail = (message: string) => never;

function validateProps(path: string, props: IdentityMergeProps): void {
  const fail: Fail = (message) => {
    throw new IdentityMergeError(`IdentityMerge '${path}': ${message}`);
  };
  checkSourceList(props.sourceUserIdentifiers, fail);
  checkLinkedLogins(props, fail);
  const onDestroy = props.onDestroy;
  if (onDestroy !== undefined && !Token.isUnresolved(onDestroy) && onDestroy !== 'warn' && onDestroy !== 'error') {
    fail(`onDestroy must be 'warn' or 'error', got '${onDestroy}'.`);
  }
  checkSourceIdentifiers(props, fail);
}

function checkSourceList(sources: string[], fail: Fail): void {
  // A list token (e.g. a variable or another resource's list attribute) has no
  // length until apply, so it cannot become one resource per source.
  if (!Array.isArray(sources) || Token.isUnresolved(sources)) {
    fail('sourceUserIdentifiers must be a concrete array; its elements may be tokens, the array itself may not.');
  }
  if (sources.length === 0) {
    fail('sourceUserIdentifiers is empty; give at least one source user to merge.');
  }
}

function checkLinkedLogins(props: IdentityMergeProps, fail: Fail): void {
  const existing = props.existingLinkedLogins ?? 1;
  const sources = props.sourceUserIdentifiers;
  // A number token is only known at apply; the 20-login check is then left to the provider's plan.
  if (Token.isUnresolved(existing)) return;
  if (!Number.isInteger(existing) || existing < 1) {
    fail(`existingLinkedLogins must be a whole number of at least 1 (the destination itself), got ${existing}.`);
  }
  if (props.countDeveloperIdsAsLinkedLogins === false) return;
  const total = existing + sources.length;
  if (total > MAX_LINKED_LOGINS) {
    fail(
      `merging ${sources.length} source(s) into an identity with ${existing} linked login(s) would link ${total} logins; ` +
        `Cognito allows at most ${MAX_LINKED_LOGINS} per identity (AWS does not document whether developer users count; ` +
        'if they do not for you, set countDeveloperIdsAsLinkedLogins: false here and in the provider).',
    );
  }
}

function checkSourceIdentifiers(props: IdentityMergeProps, fail: Fail): void {
  // Tokens are only known at apply, so the checks below compare concrete
  // identifiers only; the provider checks the rest when it plans.
  const destination = props.destinationUserIdentifier;
  const destinationKnown = !Token.isUnresolved(destination);
  const seen = new Set<string>();
  props.sourceUserIdentifiers.forEach((source, index) => {
    if (Token.isUnresolved(source)) return;
    if (source === '') fail(`sourceUserIdentifiers[${index}] is empty; user identifiers are 1-1024 characters.`);
    if (destinationKnown && source === destination) {
      fail(`sourceUserIdentifiers[${index}] '${source}' is the destination user; a user cannot be merged into itself.`);
    }
    if (seen.has(source)) fail(`sourceUserIdentifiers[${index}] '${source}' is listed more than once; merge each user once.`);
    seen.add(source);
  });
}

/** The other IdentityMerges of the same stack that chain with this one or share a source (concrete ids only). */
function crossMergeProblems(self: IdentityMerge, props: IdentityMergeProps): string[] {
  const known = (v: string): boolean => !Token.isUnresolved(v);
  const others = self.node.root.node
    .findAll()
    .filter((c): c is IdentityMerge => c instanceof IdentityMerge && c !== self)
    .map((c) => ({ path: c.node.path, props: propsOf.get(c) }))
    .filter((o): o is { path: string; props: IdentityMergeProps } => o.props !== undefined && o.props.identityPoolId === props.identityPoolId);
  const problems: string[] = [];
  const destination = props.destinationUserIdentifier;
  for (const other of others) {
    const otherSources = other.props.sourceUserIdentifiers.filter(known);
    if (known(destination) && otherSources.includes(destination)) {
      problems.push(
        `destination '${destination}' is a source of IdentityMerge '${other.path}', which makes a chain: the later merge would move users ` +
          `its plan did not show. Merge every source straight into '${other.props.destinationUserIdentifier}' instead (a fan-in).`,
      );
    }
    for (const source of props.sourceUserIdentifiers.filter(known)) {
      if (otherSources.includes(source)) problems.push(`source '${source}' is also a source of IdentityMerge '${other.path}'; merge each user once.`);
    }
  }
  return problems;
}

const propsOf = new WeakMap<IdentityMerge, IdentityMergeProps>();
