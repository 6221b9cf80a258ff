// The words for merge-rule.ts verdicts: what would move or what changed, and
// what to do about it.

import { errorDiag, type Diagnostic } from '../framework/diagnostics';
import type { Change, Refusal } from './merge-rule';
import { describeUser } from './merged-identity-diagnostics';
import type { MergeKey } from './resource-id';

/** At most this many users are named in one message; the plan's moving_users has them all. */
const NAMED = 10;

function users(list: readonly string[]): string {
  const shown = list.slice(0, NAMED).map(describeUser).join(', ');
  return list.length > NAMED ? `${shown} and ${list.length - NAMED} more` : shown;
}

export function refusalDiagnostic(key: MergeKey, refusal: Refusal): Diagnostic {
  const src = describeUser(key.sourceUserIdentifier);
  const dst = describeUser(key.destinationUserIdentifier);
  switch (refusal.rule) {
    case 'unnamed': {
      const what = [
        refusal.users.length > 0 ? `developer user(s) ${users(refusal.users)}` : '',
        refusal.publicLogins > 0 ? `${refusal.publicLogins} public login(s)` : '',
      ].filter(Boolean);
      return errorDiag(
        'Merge would move logins this resource does not name',
        `Cognito merges whole identities: merging ${src} into ${dst} also moves ${what.join(' and ')} on the source's identity. ` +
          'A merge cannot be undone. Review `moving_users` and `moving_public_logins` in the plan, then either merge from a source that is alone on its identity, ' +
          'or set `allow_moving_unnamed_logins = true` on this resource to consent.',
        'source_user_identifier',
      );
    }
    case 'public-logins-unknown':
      return errorDiag(
        'Cannot tell which logins the merge moves',
        `DescribeIdentity was not allowed, so plan cannot count the public logins on the identity of ${src} that would move with it. ` +
          'Allow cognito-identity:DescribeIdentity, or set `allow_moving_unnamed_logins = true` on this resource to consent without counting them.',
        'source_user_identifier',
      );
    case 'same-source':
      return errorDiag(
        'Same source in two merges',
        `This plan merges ${src} into ${dst} and also into ${users(refusal.destinations)}. Whichever merge ran second would move the first destination along with it. ` +
          'Declare one merge per source.',
        'source_user_identifier',
      );
    case 'chain':
      return errorDiag(
        'Chained merges',
        chainDetail(src, dst, refusal),
        refusal.intoSource.length > 0 ? 'source_user_identifier' : 'destination_user_identifier',
      );
  }
}

function chainDetail(src: string, dst: string, refusal: Extract<Refusal, { rule: 'chain' }>): string {
  const parts: string[] = [];
  if (refusal.intoSource.length > 0) parts.push(`${users(refusal.intoSource)} merge(s) into ${src}, the source of this merge`);
  if (refusal.destinationMovesTo.length > 0) parts.push(`${dst}, the destination of this merge, merges into ${users(refusal.destinationMovesTo)}`);
  const final = refusal.destinationMovesTo[0] ?? dst.slice(1, -1);
  return (
    `In this plan ${parts.join(', and ')}. Whichever merge ran second would move users its plan did not show. ` +
    `Write the chain as a fan-in: merge every source straight into the final destination (for example ${src} -> "${final}").`
  );
}

export function changedDiagnostic(key: MergeKey, changes: readonly Change[]): Diagnostic {
  const moved = changes.find((c) => c.what === 'destination-moved');
  if (moved) {
    return errorDiag(
      'Destination identity changed since plan',
      `The destination developer user ${describeUser(key.destinationUserIdentifier)} resolved to identity "${moved.planned}" at plan time but now resolves to "${moved.now}" (it was merged or relinked in the meantime). Nothing was merged. Run terraform plan again.`,
      'destination_user_identifier',
    );
  }
  return errorDiag(
    'Identities changed since plan',
    `Just before merging ${describeUser(key.sourceUserIdentifier)} into ${describeUser(key.destinationUserIdentifier)}, the identities no longer held what plan showed: ` +
      changes.map(describeChange).join('; ') +
      '. Nothing was merged. Run terraform plan again and review what would move. ' +
      '(If nobody changed them, plan took the users a lookup by user listed, and this Cognito lists fewer there than by identity id; ' +
      'AWS does not document which it does, so apply always reads the identity by id before merging.)',
    'source_user_identifier',
  );
}

function describeChange(c: Change): string {
  switch (c.what) {
    case 'destination-moved':
      return `the destination moved from identity "${c.planned}" to "${c.now}"`;
    case 'source-moved':
      return `the source moved from identity "${c.planned}" to "${c.now}"`;
    case 'source-users':
      return `the source's identity ${gainedLost(c.added, c.removed)}`;
    case 'source-public-logins':
      return `the source's identity has ${c.now ?? 'an unknown number of'} public login(s), plan saw ${c.planned}`;
    case 'destination-users':
      return `the destination's identity ${gainedLost(c.added, c.removed)}`;
  }
}

function gainedLost(added: readonly string[], removed: readonly string[]): string {
  const parts: string[] = [];
  if (added.length > 0) parts.push(`gained ${users(added)}`);
  if (removed.length > 0) parts.push(`lost ${users(removed)}`);
  return parts.join(' and ');
}
