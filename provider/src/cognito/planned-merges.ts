// Merges planned in this provider process, per destination identity.
//
// Terraform plans each resource on its own, so twenty-five `for_each` merges
// into one identity each look fine alone (1 + 1 linked logins) and only the
// twentieth apply would be refused, after nineteen irreversible merges. All
// resources of one plan are planned by one provider process, so recording the
// users each plan intends to move lets the next plan count them too, and the
// plan that crosses the limit fails before anything is merged.
//
// Users are kept as sets: planning the same resource twice (plan, then apply)
// or a user already merged (now also in the destination's own list) is
// counted once.

export class PlannedMerges {
  private readonly byIdentity = new Map<string, Set<string>>();

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
}
