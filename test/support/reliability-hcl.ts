// Configuration and checks shared by the reliability tests (test/reliability):
// many merges declared with for_each, and their expected outcome in Cognito.

import { lookupUser, type DeveloperUser, type TestEmulator, type TestPool } from './emulator';
import { hclString } from './hcl';
import { nth } from './lists';
import type { StateResource } from './terraform';

/** Source user id -> destination user. */
export type MergePlan = Map<string, DeveloperUser>;

/** Spreads `sources` over `destinations` round-robin. */
export function roundRobin(sources: DeveloperUser[], destinations: DeveloperUser[]): MergePlan {
  return new Map(sources.map((s, i) => [s.userId, nth(destinations, i % destinations.length, 'destinations')]));
}

/** One `cognitoidentity_merged_identity.<name>` per source, keyed by source user id. */
export function forEachMerges(name: string, pool: TestPool, plan: MergePlan): string {
  const entries = [...plan].map(([src, dst]) => `    ${hclString(src)} = ${hclString(dst.userId)}`).join('\n');
  return `
locals {
  ${name}_pairs = {
${entries}
  }
}

resource "cognitoidentity_merged_identity" ${hclString(name)} {
  for_each                    = local.${name}_pairs
  identity_pool_id            = ${hclString(pool.poolId)}
  developer_provider_name     = ${hclString(pool.providerName)}
  source_user_identifier      = each.key
  destination_user_identifier = each.value
}
`;
}

/**
 * Every planned merge is in Cognito (the source resolves to its destination's
 * identity). Call with faults switched off: these lookups are the test's own.
 */
export async function expectMergedInCognito(env: TestEmulator, pool: TestPool, plan: MergePlan): Promise<void> {
  const wrong: string[] = [];
  for (const [src, dst] of plan) {
    const now = await lookupUser(env.client, pool.poolId, src);
    if (now.identityId !== dst.identityId) wrong.push(`${src} resolves to ${now.identityId}, expected ${dst.identityId} (${dst.userId})`);
  }
  expect(wrong).toEqual([]);
}

/** Each merge resource in state names the source's destination identity, and there is one per planned merge. */
export function expectStateMatches(resources: StateResource[], plan: MergePlan): void {
  const merges = resources.filter((r) => r.type === 'cognitoidentity_merged_identity');
  const got = Object.fromEntries(merges.map((r) => [String(r.values.source_user_identifier), r.values.identity_id]));
  const want = Object.fromEntries([...plan].map(([src, dst]) => [src, dst.identityId]));
  expect(got).toEqual(want);
}

/** Sum of a per-operation counter. */
export function total(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}
