// The final plan of a `terraform apply` repeats the plan the user reviewed,
// recorded by an earlier provider process of the same run (plan-ledger.ts),
// instead of reading both users from Cognito again.

import type { PlanResult } from '../framework/provider';
import type { ObjectValue } from '../framework/values';
import type { CognitoClients, RegionSession } from './clients';
import { decodePrivate } from './merged-identity-private';
import type { RecordedPlan } from './plan-ledger';

/** The ledger key of this merge's plan, or undefined when plans of it cannot be kept. */
export function ledgerKeyOf(clients: CognitoClients, session: RegionSession, config: ObjectValue): string | undefined {
  const { settings } = clients;
  return clients.ledger.keyOf(config, {
    region: session.region,
    endpoint: session.endpoint,
    profile: settings.profile,
    accessKeyId: settings.credentials?.accessKeyId,
    countDeveloperIds: settings.countDeveloperIdsAsLinkedLogins,
  });
}

/** The recorded plan applied to this plan's proposed object, or undefined when none was recorded. */
export function replayPlan(
  clients: CognitoClients,
  session: RegionSession,
  at: { ledgerKey: string; planned: ObjectValue; poolId: string },
): PlanResult | undefined {
  const { ledgerKey, planned, poolId } = at;
  const recorded = clients.ledger.find(ledgerKey);
  if (recorded === undefined) return undefined;
  const plannedPrivate = Buffer.from(recorded.plannedPrivate, 'base64');
  const seen = decodePrivate(plannedPrivate);
  // What the login count of the other plans of this process would have learnt from this one (merge-checks.ts).
  if (clients.settings.countDeveloperIdsAsLinkedLogins && !seen.adopt && seen.source && seen.destination) {
    session.plannedMerges.add(poolId, seen.destination.identityId, seen.source.users);
  }
  return {
    plannedState: {
      ...planned,
      identity_id: recorded.identityId,
      moving_users: recorded.movingUsers,
      moving_public_logins: recorded.movingPublicLogins,
    },
    plannedPrivate,
    diagnostics: recorded.diagnostics,
  };
}

/** Keeps a complete plan for the later processes of this run. */
export function recordPlan(clients: CognitoClients, ledgerKey: string, result: PlanResult): void {
  const state = result.plannedState;
  if (state === null || result.plannedPrivate === undefined) return;
  const identityId = state['identity_id'];
  const movingUsers = state['moving_users'];
  const movingPublicLogins = state['moving_public_logins'];
  if (typeof identityId !== 'string' || !Array.isArray(movingUsers) || !movingUsers.every((u): u is string => typeof u === 'string')) return;
  if (movingPublicLogins !== null && typeof movingPublicLogins !== 'number') return;
  const plan: RecordedPlan = {
    identityId,
    movingUsers,
    movingPublicLogins,
    plannedPrivate: Buffer.from(result.plannedPrivate).toString('base64'),
    diagnostics: result.diagnostics,
  };
  clients.ledger.record(ledgerKey, plan);
}
