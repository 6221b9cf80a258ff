// The merges this provider process has made, and the lock that keeps a
// merge's last check and the merge itself together.
//
// Apply compares both identities with what the final plan saw just before it
// merges (merge-rule.ts). Merges made earlier in the same apply legitimately
// change what it finds: a fan-in grows the destination, and a source that an
// earlier merge already moved now sits on the destination. The journal says
// which changes this process made itself; anything else is someone else's.

import type { IdentityView } from './merge-rule';

export interface JournalEntry {
  /** The source's identity before the merge (now disabled) and what was on it. */
  from: IdentityView;
  /** The identity the users moved to. */
  to: string;
}

/** Merges in a row that may go ahead of older waiters because they share a destination. */
const MAX_AFFINITY = 5;

/** How many of the merges waiting for a pool read ahead for their checks. */
const PREPARE_AHEAD = 2;

/** What a merge tells the pool's queue. */
export interface Turn {
  /** The identity it merges into. */
  destination?: string;
  /** Reads ahead for its check (see exclusive). */
  prepare?: () => void;
}

interface PoolQueue {
  waiters: (Turn & { start: () => void })[];
  /** Merges in a row that jumped the queue. */
  streak: number;
}

export class MergeJournal {
  private readonly entries = new Map<string, JournalEntry[]>();
  /** pool -> the merges waiting for the one running (the pool has an entry while one runs). */
  private readonly queues = new Map<string, PoolQueue>();
  /** pool + destination identity -> merges into it that are waiting for the lock or running. */
  private readonly pending = new Map<string, number>();
  private readonly settledWaiters = new Map<string, (() => void)[]>();

  /** Counts a merge into `identityId` as pending until the returned function is called. */
  expect(poolId: string, identityId: string): () => void {
    const k = `${poolId}\u0000${identityId}`;
    this.pending.set(k, (this.pending.get(k) ?? 0) + 1);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const left = (this.pending.get(k) ?? 1) - 1;
      if (left > 0) {
        this.pending.set(k, left);
        return;
      }
      this.pending.delete(k);
      const waiters = this.settledWaiters.get(k) ?? [];
      this.settledWaiters.delete(k);
      for (const wake of waiters) wake();
    };
  }

  /**
   * Resolves once no merge into `identityId` is pending, or after `maxWaitMs`:
   * the read-backs of a fan-in then share one read of the destination.
   */
  settled(poolId: string, identityId: string, maxWaitMs: number): Promise<void> {
    const k = `${poolId}\u0000${identityId}`;
    if (!this.pending.has(k)) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, maxWaitMs);
      const waiters = this.settledWaiters.get(k) ?? [];
      waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
      this.settledWaiters.set(k, waiters);
    });
  }

  record(poolId: string, entry: JournalEntry): void {
    const list = this.entries.get(poolId) ?? [];
    list.push(entry);
    this.entries.set(poolId, list);
  }

  /** Users this process moved into `identityId` (directly or through identities it absorbed). */
  arrivedAt(poolId: string, identityId: string): string[] {
    return (this.entries.get(poolId) ?? []).filter((e) => e.to === identityId).flatMap((e) => e.from.users);
  }

  /** The merge of this process that moved `user` into `identityId`, if any. */
  movedBy(poolId: string, user: string, identityId: string): JournalEntry | undefined {
    return (this.entries.get(poolId) ?? []).find((e) => e.to === identityId && e.from.users.includes(user));
  }

  /**
   * Runs `work` once no other merge of the pool in this process is running.
   * Merges into one pool are rare and cheap next to the harm of a check racing
   * another merge of the same apply. Among the merges waiting, one into the
   * destination just merged into goes first (at most MAX_AFFINITY in a row):
   * its check can use what that merge left known of the destination, instead
   * of a read of its own (lookup.ts, recordMerge).
   *
   * `prepare` runs once the merge is among the next PREPARE_AHEAD to go (at
   * once if it is): reads made then are still recent when its turn comes,
   * where reads made at the back of a long queue would have aged past the
   * check's bound and been made twice.
   */
  async exclusive<T>(poolId: string, work: () => Promise<T>, options: Turn = {}): Promise<T> {
    let queue = this.queues.get(poolId);
    if (queue === undefined) {
      queue = { waiters: [], streak: 0 };
      this.queues.set(poolId, queue);
    } else {
      const q = queue;
      await new Promise<void>((start) => {
        q.waiters.push({ ...options, start });
        prepareHead(q);
      });
    }
    try {
      return await work();
    } finally {
      this.handOver(poolId, queue, options.destination);
    }
  }

  private handOver(poolId: string, queue: PoolQueue, last: string | undefined): void {
    const same = last === undefined || queue.streak >= MAX_AFFINITY ? -1 : queue.waiters.findIndex((w) => w.destination === last);
    queue.streak = same >= 0 ? queue.streak + 1 : 0;
    const [next] = queue.waiters.splice(Math.max(same, 0), 1);
    if (next === undefined) {
      this.queues.delete(poolId);
      return;
    }
    next.start();
    prepareHead(queue);
  }
}

/** Lets the merges at the head of the queue read what their checks will need. */
function prepareHead(queue: PoolQueue): void {
  for (const waiter of queue.waiters.slice(0, PREPARE_AHEAD)) {
    const prepare = waiter.prepare;
    waiter.prepare = undefined;
    prepare?.();
  }
}
