// The plans of this Terraform run, as the user reviewed them.
//
// `terraform apply` plans every resource twice, each time in a new provider
// process: first the plan the user reviews, then, just before applying, a
// final plan that must match it (Terraform refuses the apply otherwise). For a
// merge, the final plan reading both users again buys nothing: what keeps a
// merge safe is apply's own check, just before the merge, of both identities
// against the plan (merged-identity-merge.ts), and that check always reads
// Cognito afresh. Reading again only costs quota, and when Cognito changed in
// between it turns apply's clear "changed since plan" refusal into Terraform's
// "inconsistent final plan".
//
// So each plan of a new merge is recorded here, keyed by the resource's whole
// configuration and the provider's connection settings, and the final plan of
// the same run, in a later process, repeats it without calling Cognito. A
// different configuration, another run (`terraform plan -out` then `apply`),
// or no ledger at all (plan-ledger-file.ts) means a fresh plan, as before.

import { createHash } from 'node:crypto';
import { hasErrors, type Diagnostic } from '../framework/diagnostics';
import { Dynamic, isWhollyKnown, Unknown, type CtyValue, type ObjectValue } from '../framework/values';
import type { LedgerStore } from './plan-ledger-file';

/** What a plan of a new merge decided, beyond the configuration itself. */
export interface RecordedPlan {
  identityId: string;
  movingUsers: string[];
  movingPublicLogins: number | null;
  /** Terraform's planned_private, base64. */
  plannedPrivate: string;
  diagnostics: Diagnostic[];
}

interface LedgerLine extends RecordedPlan {
  key: string;
  /** The provider process that planned it: only other processes replay it. */
  pid: number;
}

/** The configuration as one string, object keys in order; bigints as text. */
function canonical(v: CtyValue): string {
  if (v instanceof Dynamic) return canonical(v.value);
  // Never keyed (keyOf wants a wholly known configuration); spelled out for the type's sake.
  if (v instanceof Unknown) return '"(unknown)"';
  if (typeof v === 'bigint') return JSON.stringify(`${v}n`);
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const entries = Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k] ?? null)}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(v);
}

function isLedgerLine(v: unknown): v is LedgerLine {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o['key'] === 'string' && typeof o['pid'] === 'number' && typeof o['identityId'] === 'string' && Array.isArray(o['movingUsers']);
}

export class PlanLedger {
  private loaded: Map<string, LedgerLine> | undefined;

  constructor(
    private readonly store: LedgerStore | undefined,
    private readonly pid: number = process.pid,
  ) {}

  /**
   * The key of a merge's plan: its configuration and where the provider
   * sends calls. Hashed, so the file holds no configuration in clear text.
   * Undefined while any of the configuration is unknown.
   */
  keyOf(config: ObjectValue, connection: Record<string, string | boolean | undefined>): string | undefined {
    if (!isWhollyKnown(config)) return undefined;
    const text = `${canonical(config)}\u0000${JSON.stringify(Object.entries(connection).sort())}`;
    return createHash('sha256').update(text).digest('hex');
  }

  /** A plan that another process of this run made for the same configuration. */
  find(key: string): RecordedPlan | undefined {
    if (this.store === undefined) return undefined;
    this.loaded ??= this.read(this.store);
    return this.loaded.get(key);
  }

  /** Keeps a plan for the later processes of this run. Plans that failed are not kept. */
  record(key: string, plan: RecordedPlan): void {
    if (this.store === undefined || hasErrors(plan.diagnostics)) return;
    const line: LedgerLine = { ...plan, key, pid: this.pid };
    try {
      this.store.append(JSON.stringify(line));
    } catch {
      // A ledger that cannot be written only costs the final plan its reads.
    }
  }

  private read(store: LedgerStore): Map<string, LedgerLine> {
    const plans = new Map<string, LedgerLine>();
    for (const text of store.load()) {
      let line: unknown;
      try {
        line = JSON.parse(text);
      } catch {
        continue;
      }
      // A process's own plans are in its in-process caches already; the last plan of a key wins.
      if (isLedgerLine(line) && line.pid !== this.pid) plans.set(line.key, line);
    }
    return plans;
  }
}
