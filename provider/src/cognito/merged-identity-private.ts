// The private state a plan of cognitoidentity_merged_identity hands to its
// apply (Terraform's planned_private): what the final plan saw of both
// identities, which apply checks again just before merging.

import type { IdentityView } from './merge-rule';
import type { OnDestroy } from './validation';

/** What the final plan saw, for apply (which may run in another process). */
export interface PlannedPrivate {
  /** The source already resolved to the destination identity: nothing to merge. */
  adopt?: boolean;
  source?: IdentityView;
  destination?: IdentityView;
  /**
   * Set by an update plan for core's second plan call when it forces a
   * replacement (-replace=ADDR): that call has no prior state, only this.
   */
  replaces?: { onDestroy: OnDestroy; merge: string };
}

export function encodePrivate(data: PlannedPrivate): Uint8Array {
  return Buffer.from(JSON.stringify(data), 'utf8');
}

export function decodePrivate(bytes: Uint8Array | undefined): PlannedPrivate {
  if (!bytes || bytes.length === 0) return {};
  try {
    const parsed: unknown = JSON.parse(Buffer.from(bytes).toString('utf8'));
    return typeof parsed === 'object' && parsed !== null ? (parsed as PlannedPrivate) : {};
  } catch {
    return {};
  }
}
