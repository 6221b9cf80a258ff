// Merges planned in this provider process.
//
// Terraform plans each resource on its own, but all resources of one plan are
// planned by one provider process. Recording what each plan intends lets the
// plans that follow see it:
// - the users each merge moves into a destination identity, so twenty-five
//   `for_each` merges into one identity fail at plan on the 20-login limit
//   instead of after nineteen irreversible merges;
// - which user each merge takes from and into which user, so the same source
//   twice, or a chain (a -> b and b -> c), is refused before anything moves.
//
// Users are kept as sets: planning the same resource twice (plan, then apply;
// or the two plans of a replacement) counts once.

import type { OtherMerges } from './merge-rule';

export class PlannedMerges {
  private readonly byIdentity = new Map<string, Set<string>>();
  /** pool -> source user -> destination users */
  private readonly declared = new Map<string, Map<string, Set<string>>>();

  /** Records `users` as planned to join `identityId`; returns every user planned to join it in this process. */
  add(poolId: string, identityId: string, users: readonly string[]): ReadonlySet<string> {
    const key = `${poolId}\u0000${identityId}`;
    let planned = this.byIdentity.get(key);
    if (!planned) {
      planned = new Set();
      this.byIdentity.set(key, planned);
    }
    for (const u of users) planned.add(u);
    return planned;
  }

  /** Records that a merge of `source` into `destination` is planned. */
  declare(poolId: string, source: string, destination: string): void {
    let pool = this.declared.get(poolId);
    if (!pool) {
      pool = new Map();
      this.declared.set(poolId, pool);
    }
    let dsts = pool.get(source);
    if (!dsts) {
      dsts = new Set();
      pool.set(source, dsts);
    }
    dsts.add(destination);
  }

  /** The other planned merges that conflict with `source -> destination` (see merge-rule.ts). */
  othersOf(poolId: string, source: string, destination: string): OtherMerges {
    const pool = this.declared.get(poolId) ?? new Map<string, Set<string>>();
    const sameSource = [...(pool.get(source) ?? [])].filter((d) => d !== destination);
    const intoSource = [...pool].filter(([, dsts]) => dsts.has(source)).map(([src]) => src);
    const destinationMovesTo = [...(pool.get(destination) ?? [])];
    return { sameSource, intoSource, destinationMovesTo };
  }
}
