// Request coalescing with a short cache, ordered by a sequence clock.
//
// Freshness is tracked with sequence numbers rather than wall time: every
// request and every invalidation takes the next number. A caller that must see
// the effect of something it just did (a merge) passes `startedAfter` = a
// number taken after that action; it then only joins requests, or reuses
// results, that started later.
//
// "Started" means sent. Under throttling a request can wait seconds for its
// send slot (pacer.ts); an answer reflects Cognito at the time the request went
// out, so until then any caller may join it, however recent its mark. That is
// what makes concurrent demand for one identity collapse into one call while
// calls queue. A cache built without late binding (for an API that cannot
// report sends) numbers a request when it is created instead.

export interface Freshness {
  /** Only accept a request that started after this sequence number (see SequenceClock). */
  startedAfter?: number;
  /** Only accept a request sent at most this long ago (wall clock). */
  sentWithinMs?: number;
}

export class SequenceClock {
  private value = 0;
  next(): number {
    return ++this.value;
  }
}

/** A value and when the request that produced it was sent. */
export interface Stamped<T> {
  value: T;
  /** Sequence number of the send. */
  seq: number;
  /** Wall-clock time of the send. */
  sentAt: number;
}

interface Entry<T> extends Stamped<T> {
  /** Arrival; the TTL counts from here. */
  at: number;
  /** Orders the entry against invalidations: the send, or when a derived value was stored. */
  validFrom: number;
}

/** Starts the request; calls `sent` when it goes out (first attempt). */
export type Fetch<T> = (sent: () => void) => Promise<T>;

interface Send {
  seq: number;
  sentAt: number;
}

interface Flight<T> {
  /** Undefined while the request waits for its send slot. */
  readonly sent: Send | undefined;
  promise: Promise<Stamped<T>>;
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(abortError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

function abortError(): Error {
  return Object.assign(new Error('Request aborted'), { name: 'AbortError' });
}

export interface CacheOptions {
  ttlMs: number;
  now?: () => number;
  /** Number requests when they are sent rather than when they are created (see the header). */
  lateBinding?: boolean;
}

export class CoalescingCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly flights = new Map<string, Flight<T>>();
  private readonly invalidatedAt = new Map<string, number>();
  private readonly ttlMs: number;
  private readonly now: () => number;
  private readonly lateBinding: boolean;

  constructor(
    private readonly clock: SequenceClock,
    options: CacheOptions,
  ) {
    this.ttlMs = options.ttlMs;
    this.now = options.now ?? Date.now;
    this.lateBinding = options.lateBinding ?? false;
  }

  /**
   * The value for `key`: cached, shared with an identical request in flight, or fetched.
   * A joined request still honours the caller's own abort signal.
   */
  async get(key: string, fetch: Fetch<T>, signal: AbortSignal, freshness: Freshness = {}): Promise<T> {
    return (await this.getStamped(key, fetch, signal, freshness)).value;
  }

  /** Like get, with when the request behind the value was sent. */
  getStamped(key: string, fetch: Fetch<T>, signal: AbortSignal, freshness: Freshness = {}): Promise<Stamped<T>> {
    const invalidated = this.invalidatedAt.get(key) ?? 0;
    const cached = this.entries.get(key);
    if (cached && cached.validFrom > invalidated && this.now() - cached.at <= this.ttlMs && this.fresh(cached, freshness)) {
      return Promise.resolve(cached);
    }
    const flight = this.flights.get(key);
    // An invalidation hides every older request, for every caller.
    if (flight && (flight.sent === undefined || (flight.sent.seq > invalidated && this.fresh(flight.sent, freshness)))) {
      return raceAbort(flight.promise, signal);
    }
    return this.start(key, fetch);
  }

  private fresh(sent: Send, freshness: Freshness): boolean {
    if (sent.seq <= (freshness.startedAfter ?? 0)) return false;
    return freshness.sentWithinMs === undefined || this.now() - sent.sentAt <= freshness.sentWithinMs;
  }

  private stampNow(): Send {
    return { seq: this.clock.next(), sentAt: this.now() };
  }

  private start(key: string, fetch: Fetch<T>): Promise<Stamped<T>> {
    let sent: Send | undefined = this.lateBinding ? undefined : this.stampNow();
    const onSend = () => {
      sent ??= this.stampNow();
    };
    const promise = fetch(onSend).then((value) => {
      // Every SDK request reports its send; an answer that came without one is numbered on arrival.
      onSend();
      const { seq, sentAt } = sent ?? this.stampNow();
      const stamped: Stamped<T> = { value, seq, sentAt };
      if ((this.invalidatedAt.get(key) ?? 0) < seq) this.entries.set(key, { ...stamped, at: this.now(), validFrom: seq });
      return stamped;
    });
    const flight: Flight<T> = {
      get sent() {
        return sent;
      },
      promise,
    };
    this.flights.set(key, flight);
    const clear = () => {
      if (this.flights.get(key) === flight) this.flights.delete(key);
    };
    promise.then(clear, clear);
    return promise;
  }

  /** Stores a value learnt by another request (sent as `stamp` says), unless invalidated since. */
  prime(key: string, value: T, stamp: Send): void {
    const current = this.entries.get(key);
    if ((this.invalidatedAt.get(key) ?? 0) < stamp.seq && (!current || current.seq < stamp.seq)) {
      this.entries.set(key, { value, seq: stamp.seq, sentAt: stamp.sentAt, at: this.now(), validFrom: stamp.seq });
    }
  }

  /**
   * Replaces the value after a change this process made and knows the effect
   * of: older requests can no longer refill it, yet the value keeps the age of
   * the read it was derived from, so callers that need a read sent after the
   * change (startedAfter) or a recent one (sentWithinMs) still judge it by that read.
   */
  derive(key: string, from: Send, value: T): void {
    this.invalidatedAt.set(key, this.clock.next());
    this.entries.set(key, { value, seq: from.seq, sentAt: from.sentAt, at: this.now(), validFrom: this.clock.next() });
  }

  invalidate(key: string): void {
    this.entries.delete(key);
    this.invalidatedAt.set(key, this.clock.next());
  }
}
