// PlanResourceChange for cognitoidentity_merged_identity.
//
// A merge cannot be undone, so plan does every check it can before apply:
// both users exist, the pool knows the developer provider, and the merged
// identity stays within Cognito's 20 linked logins. Plan never changes
// anything in Cognito.

import { attributePath, errorDiag, warningDiag, type Diagnostic } from '../framework/diagnostics';
import type { PlanRequest, PlanResult, RequestContext } from '../framework/provider';
import { UNKNOWN, type ObjectValue } from '../framework/values';
import type { CognitoClients, RegionSession } from './clients';
import type { PoolInfo } from './cognito-api';
import { apiErrorDiagnostic, classifyError } from './errors';
import {
  encodeNotes,
  KEY_ATTRIBUTES,
  knownKey,
  knownString,
  poolNotFoundDiagnostic,
  sameValue,
  userLookupDiagnostic,
  type PlanNotes,
} from './merged-identity-state';
import { formatResourceId } from './resource-id';
import { onDestroyOf } from './validation';

/** Cognito's limit on linked logins (public logins + developer user ids) of source and destination together. */
export const MAX_LINKED_LOGINS = 20;

export async function planMergedIdentity(clients: CognitoClients, req: PlanRequest, ctx: RequestContext): Promise<PlanResult> {
  if (req.proposedNewState === null || req.config === null) {
    return planDestroy(req.priorState);
  }
  if (req.priorState === null) return planCreate(clients, req.config, req.proposedNewState, ctx);
  return planUpdate(req.priorState, req.config, req.proposedNewState, req.priorPrivate);
}

function planDestroy(prior: ObjectValue | null): PlanResult {
  if (prior === null) return { plannedState: null, diagnostics: [] };
  if (onDestroyOf(prior) === 'error') {
    return { plannedState: null, diagnostics: [destroyRefusedDiagnostic(prior)] };
  }
  return { plannedState: null, diagnostics: [destroyWarning(prior)] };
}

export function destroyRefusedDiagnostic(prior: ObjectValue): Diagnostic {
  return errorDiag(
    'Merge is protected by on_destroy = "error"',
    `Destroying this resource would not undo the merge of ${describe(prior)}, and on_destroy = "error" forbids removing it. ` +
      'To remove it from Terraform, set on_destroy = "warn" and apply, then destroy; or run `terraform state rm` on it.',
    'on_destroy',
  );
}

export function destroyWarning(prior: ObjectValue): Diagnostic {
  return warningDiag(
    'The merge stays in Cognito',
    `A merge cannot be undone. Destroying this resource only makes Terraform forget it: ${describe(prior)} stay merged in Cognito.`,
  );
}

function describe(prior: ObjectValue): string {
  const src = knownString(prior, 'source_user_identifier') ?? '?';
  const dst = knownString(prior, 'destination_user_identifier') ?? '?';
  return `developer users "${src.slice(0, 80)}" and "${dst.slice(0, 80)}"`;
}

function planUpdate(prior: ObjectValue, config: ObjectValue, proposed: ObjectValue, priorPrivate: Uint8Array): PlanResult {
  const changed = KEY_ATTRIBUTES.filter((name) => !sameValue(config[name], prior[name]));
  if (changed.length > 0) {
    // A different merge: core destroys this one (which only forgets it) and plans a create.
    const diagnostics = onDestroyOf(prior) === 'error' ? [replaceRefusedDiagnostic(changed)] : [];
    const key = knownKey(config);
    return {
      plannedState: {
        ...proposed,
        id: key ? formatResourceId(key) : UNKNOWN,
        identity_id: UNKNOWN,
        developer_user_identifiers: UNKNOWN,
      },
      requiresReplace: changed.map((name) => attributePath(name)),
      diagnostics,
    };
  }
  if (!sameValue(config['on_destroy'], prior['on_destroy'])) {
    return { plannedState: { ...prior, on_destroy: config['on_destroy'] }, plannedPrivate: priorPrivate, diagnostics: [] };
  }
  return { plannedState: prior, plannedPrivate: priorPrivate, diagnostics: [] };
}

function replaceRefusedDiagnostic(changed: readonly string[]): Diagnostic {
  return errorDiag(
    'Change needs a new merge, but on_destroy = "error"',
    `Changing ${changed.map((c) => `\`${c}\``).join(', ')} replaces this resource, which first removes the old merge from Terraform, and on_destroy = "error" forbids that. ` +
      'Set on_destroy = "warn" and apply first, or move the old merge out of state with `terraform state rm`.',
    'on_destroy',
  );
}

async function planCreate(
  clients: CognitoClients,
  config: ObjectValue,
  proposed: ObjectValue,
  ctx: RequestContext,
): Promise<PlanResult> {
  const key = knownKey(config);
  const planned: ObjectValue = {
    ...proposed,
    id: key ? formatResourceId(key) : UNKNOWN,
    identity_id: UNKNOWN,
    developer_user_identifiers: UNKNOWN,
  };
  const poolId = knownString(config, 'identity_pool_id');
  if (poolId === undefined) return { plannedState: planned, diagnostics: [] };

  let session: RegionSession;
  try {
    session = await clients.forPool(poolId);
  } catch (err) {
    if (classifyError(err) === 'not-ready') {
      // The provider block is not known yet; apply runs with it known and checks everything then.
      ctx.log.debug('provider configuration not known at plan; skipping Cognito checks');
      return { plannedState: planned, diagnostics: [] };
    }
    return { plannedState: planned, diagnostics: [setupDiagnostic(err, clients, poolId, ctx)] };
  }

  const provider = knownString(config, 'developer_provider_name');
  const pool = await checkPool(session, poolId, provider, ctx);
  if (pool.problem) return { plannedState: planned, diagnostics: [pool.problem] };

  const notes: PlanNotes = {};
  const diagnostics: Diagnostic[] = [];
  const dst = knownString(config, 'destination_user_identifier');
  const src = knownString(config, 'source_user_identifier');
  const [dstId, srcId] = await Promise.all([
    dst === undefined ? undefined : lookup(session, poolId, dst, 'destination_user_identifier', diagnostics, ctx),
    src === undefined ? undefined : lookup(session, poolId, src, 'source_user_identifier', diagnostics, ctx),
  ]);
  if (diagnostics.length > 0) return { plannedState: planned, diagnostics: dedupe(diagnostics) };

  if (dstId !== undefined) {
    planned.identity_id = dstId;
    notes.destinationIdentityId = dstId;
  }
  if (srcId !== undefined) notes.sourceIdentityId = srcId;
  if (dstId !== undefined && srcId !== undefined) {
    notes.adopt = srcId === dstId;
    if (notes.adopt) {
      ctx.log.info('source already resolves to the destination identity; apply will adopt it without merging', {
        identity_id: dstId,
      });
    } else {
      const countDeveloperIds = clients.settings.countDeveloperIdsAsLinkedLogins;
      const limit = await checkLinkedLogins(session, poolId, provider, pool.info, srcId, dstId, countDeveloperIds, ctx);
      if (limit) diagnostics.push(limit);
    }
  }
  return { plannedState: planned, plannedPrivate: encodeNotes(notes), diagnostics };
}

function dedupe(diags: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diags.filter((d) => {
    const k = `${d.summary}\u0000${d.detail}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

async function lookup(
  session: RegionSession,
  poolId: string,
  user: string,
  attribute: 'source_user_identifier' | 'destination_user_identifier',
  diagnostics: Diagnostic[],
  ctx: RequestContext,
): Promise<string | undefined> {
  try {
    return await session.directory.identityOfUser(poolId, user, ctx.signal);
  } catch (err) {
    diagnostics.push(userLookupDiagnostic(err, session, poolId, user, attribute, ctx.signal));
    return undefined;
  }
}

export function setupDiagnostic(err: unknown, clients: CognitoClients, poolId: string, ctx: RequestContext): Diagnostic {
  return apiErrorDiagnostic(
    err,
    {
      action: 'set up the Cognito Identity client',
      operation: 'client setup',
      endpoint: clients.endpointFor(poolId),
      redactor: clients.redactor,
    },
    ctx.signal,
  );
}

/**
 * The pool must exist and use this developer provider. DescribeIdentityPool
 * needs its own IAM permission, so when it is denied the check is skipped
 * (the merge itself reports a wrong provider name).
 */
async function checkPool(
  session: RegionSession,
  poolId: string,
  provider: string | undefined,
  ctx: RequestContext,
): Promise<{ problem?: Diagnostic; info?: PoolInfo }> {
  let info: PoolInfo;
  try {
    info = await session.directory.describePool(poolId, ctx.signal);
  } catch (err) {
    const kind = classifyError(err, ctx.signal);
    if (kind === 'not-found') return { problem: poolNotFoundDiagnostic(poolId, session) };
    if (kind === 'aborted') {
      const call = { action: 'check the identity pool', operation: 'DescribeIdentityPool', endpoint: session.endpoint, redactor: session.redactor };
      return { problem: apiErrorDiagnostic(err, call, ctx.signal) };
    }
    ctx.log.debug('DescribeIdentityPool failed; skipping the developer provider check', { kind });
    return {};
  }
  if (info.developerProvider === undefined) {
    return {
      problem: errorDiag(
        'Identity pool has no developer provider',
        `Identity pool "${poolId}" has no developer provider name, so it has no developer users to merge. Set one on the pool (it cannot be changed afterwards).`,
        'identity_pool_id',
      ),
    };
  }
  if (provider !== undefined && provider !== info.developerProvider) {
    return {
      problem: errorDiag(
        'Wrong developer provider name',
        `Identity pool "${poolId}" uses the developer provider name "${info.developerProvider}", not "${provider.slice(0, 128)}".`,
        'developer_provider_name',
      ),
    };
  }
  return { info };
}

/**
 * Cognito refuses a merge when source and destination together have more than
 * 20 linked logins. Public-provider logins count; whether developer user ids
 * count is not documented, so that is a provider setting
 * (`count_developer_ids_as_linked_logins`, default true: the cautious reading).
 * Users that other merges of the same plan move into the destination count too.
 *
 * The user lists usually come free with the lookups plan already made. Public
 * logins are read through DescribeIdentity only when they could tip the
 * balance: an identity has at most one login per public provider configured on
 * the pool. When DescribeIdentity is denied, only developer user ids are counted.
 */
async function checkLinkedLogins(
  session: RegionSession,
  poolId: string,
  provider: string | undefined,
  pool: PoolInfo | undefined,
  srcId: string,
  dstId: string,
  countDeveloperIds: boolean,
  ctx: RequestContext,
): Promise<Diagnostic | undefined> {
  const dir = session.directory;
  let srcUsers: string[] = [];
  let dstUsers: string[] = [];
  if (countDeveloperIds) {
    try {
      [srcUsers, dstUsers] = await Promise.all([
        dir.usersOfIdentity(poolId, srcId, ctx.signal),
        dir.usersOfIdentity(poolId, dstId, ctx.signal),
      ]);
    } catch (err) {
      return apiErrorDiagnostic(
        err,
        {
          action: 'count the linked logins of the two identities',
          operation: 'LookupDeveloperIdentity',
          endpoint: session.endpoint,
          redactor: session.redactor,
        },
        ctx.signal,
      );
    }
  }
  // Users that other merges planned in this run move into the same identity (planned-merges.ts).
  const joining = countDeveloperIds ? session.plannedMerges.add(poolId, dstId, srcUsers) : new Set<string>();
  const inPlace = new Set([...dstUsers, ...srcUsers]);
  const otherPlanned = [...joining].filter((u) => !inPlace.has(u)).length;
  const developerIds = srcUsers.length + dstUsers.length + otherPlanned;
  if (pool !== undefined && developerIds + 2 * pool.publicProviders <= MAX_LINKED_LOGINS) return undefined;
  const publicLogins = async (identityId: string): Promise<number> => {
    try {
      const logins = await dir.loginsOfIdentity(identityId, ctx.signal);
      return logins.filter((name) => name !== provider).length;
    } catch (err) {
      if (classifyError(err, ctx.signal) === 'aborted') throw err;
      ctx.log.debug('DescribeIdentity failed; counting developer user ids only', { kind: classifyError(err) });
      return 0;
    }
  };
  let srcPublic = 0;
  let dstPublic = 0;
  if (developerIds <= MAX_LINKED_LOGINS) {
    try {
      [srcPublic, dstPublic] = await Promise.all([publicLogins(srcId), publicLogins(dstId)]);
    } catch (err) {
      return apiErrorDiagnostic(
        err,
        { action: 'count the linked logins', operation: 'DescribeIdentity', endpoint: session.endpoint, redactor: session.redactor },
        ctx.signal,
      );
    }
  }
  const total = developerIds + srcPublic + dstPublic;
  if (total <= MAX_LINKED_LOGINS) return undefined;
  const counted = countDeveloperIds
    ? `The source identity has ${srcUsers.length} developer user(s) and ${srcPublic} public login(s); the destination identity has ${dstUsers.length} and ${dstPublic}` +
      (otherPlanned > 0 ? `, and other merges in this plan move ${otherPlanned} more developer user(s) into it. ` : '. ')
    : `The source identity has ${srcPublic} public login(s) and the destination identity ${dstPublic} (developer user ids not counted). `;
  const setting = countDeveloperIds
    ? ' AWS does not document whether developer user ids count toward this limit; if your merges show they do not, set `count_developer_ids_as_linked_logins = false` in the provider block.'
    : '';
  return errorDiag(
    'Too many linked logins for a merge',
    counted +
      `Together that is ${total} linked logins, and Cognito allows at most ${MAX_LINKED_LOGINS} on a merged identity. ` +
      'Unlink some logins (UnlinkDeveloperIdentity/UnlinkIdentity) or merge into a different destination.' +
      setting,
    'source_user_identifier',
  );
}
