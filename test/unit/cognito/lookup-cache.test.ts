import { CoalescingCache, SequenceClock } from '../../../provider/src/cognito/lookup';
import { nth } from '../../support/lists';

/** A fetch the test resolves by hand, counting how often it was started. */
function manualFetch<T>() {
  const pending: { resolve: (v: T) => void; reject: (e: unknown) => void }[] = [];
  const fetch = () => new Promise<T>((resolve, reject) => pending.push({ resolve, reject }));
  /** The `index`th fetch started, to settle by hand. */
  const started = (index: number) => nth(pending, index, 'the started fetches');
  return { fetch, pending, started };
}

describe('coalescing lookup cache', () => {
  const signal = new AbortController().signal;
  let now = 0;
  const cache = () => new CoalescingCache<string>(new SequenceClock(), { ttlMs: 3000, now: () => now });

  beforeEach(() => {
    now = 1_000_000;
  });

  it('shares one request among concurrent identical lookups', async () => {
    const c = cache();
    const f = manualFetch<string>();
    const all = Promise.all([c.get('k', f.fetch, signal), c.get('k', f.fetch, signal), c.get('k', f.fetch, signal)]);
    expect(f.pending).toHaveLength(1);
    f.started(0).resolve('v');
    expect(await all).toEqual(['v', 'v', 'v']);
  });

  it('reuses a result for the TTL, then fetches again', async () => {
    const c = cache();
    const f = manualFetch<string>();
    const first = c.get('k', f.fetch, signal);
    f.started(0).resolve('v1');
    await first;
    now += 2999;
    expect(await c.get('k', f.fetch, signal)).toBe('v1');
    now += 2;
    const third = c.get('k', f.fetch, signal);
    expect(f.pending).toHaveLength(2);
    f.started(1).resolve('v2');
    expect(await third).toBe('v2');
  });

  it('does not cache failures', async () => {
    const c = cache();
    const f = manualFetch<string>();
    const first = c.get('k', f.fetch, signal);
    f.started(0).reject(new Error('boom'));
    await expect(first).rejects.toThrow('boom');
    const second = c.get('k', f.fetch, signal);
    expect(f.pending).toHaveLength(2);
    f.started(1).resolve('ok');
    expect(await second).toBe('ok');
  });

  it('gives a caller that needs fresh data only requests started after its mark', async () => {
    const clock = new SequenceClock();
    const c = new CoalescingCache<string>(clock, { ttlMs: 3000, now: () => now });
    const f = manualFetch<string>();
    const old = c.get('k', f.fetch, signal);
    const mark = clock.next(); // e.g. a merge finished here
    const fresh = c.get('k', f.fetch, signal, { startedAfter: mark });
    expect(f.pending).toHaveLength(2);
    const joined = c.get('k', f.fetch, signal, { startedAfter: mark });
    expect(f.pending).toHaveLength(2);
    f.started(0).resolve('before');
    f.started(1).resolve('after');
    expect(await old).toBe('before');
    expect(await fresh).toBe('after');
    expect(await joined).toBe('after');
    // A cached result older than the mark is not good enough either.
    expect(await c.get('k', f.fetch, signal, { startedAfter: mark })).toBe('after');
  });

  it('never refills the cache from a request that started before an invalidation', async () => {
    const c = cache();
    const f = manualFetch<string>();
    const stale = c.get('k', f.fetch, signal);
    c.invalidate('k');
    f.started(0).resolve('stale');
    expect(await stale).toBe('stale');
    const next = c.get('k', f.fetch, signal);
    expect(f.pending).toHaveLength(2);
    f.started(1).resolve('new');
    expect(await next).toBe('new');
  });

  it('lets a joined caller abort without waiting for the shared request', async () => {
    const c = cache();
    const f = manualFetch<string>();
    const first = c.get('k', f.fetch, signal);
    const controller = new AbortController();
    const joined = c.get('k', f.fetch, controller.signal);
    controller.abort();
    await expect(joined).rejects.toMatchObject({ name: 'AbortError' });
    f.started(0).resolve('v');
    expect(await first).toBe('v');
  });

  describe('late binding: a request is numbered when it is sent', () => {
    /** A fetch whose send and answer the test controls, as the pacer would. */
    function queuedFetch() {
      const pending: { send: () => void; resolve: (v: string) => void }[] = [];
      const fetch = (sent: () => void) => new Promise<string>((resolve) => pending.push({ send: sent, resolve }));
      return { fetch, pending };
    }
    const lateCache = (clock: SequenceClock) => new CoalescingCache<string>(clock, { ttlMs: 3000, now: () => now, lateBinding: true });

    it('lets a caller with a newer mark join a request still waiting for its send slot', async () => {
      const clock = new SequenceClock();
      const c = lateCache(clock);
      const f = queuedFetch();
      const first = c.get('k', f.fetch, signal);
      const mark = clock.next(); // e.g. a merge finished while the first read was queued
      const joined = c.get('k', f.fetch, signal, { startedAfter: mark });
      expect(f.pending).toHaveLength(1);
      f.pending[0]?.send();
      f.pending[0]?.resolve('after the merge');
      expect(await Promise.all([first, joined])).toEqual(['after the merge', 'after the merge']);
    });

    it('does not let a newer mark join a request already sent', async () => {
      const clock = new SequenceClock();
      const c = lateCache(clock);
      const f = queuedFetch();
      const first = c.get('k', f.fetch, signal);
      f.pending[0]?.send();
      const mark = clock.next();
      const fresh = c.get('k', f.fetch, signal, { startedAfter: mark });
      expect(f.pending).toHaveLength(2);
      f.pending[0]?.resolve('before');
      f.pending[1]?.send();
      f.pending[1]?.resolve('after');
      expect(await first).toBe('before');
      expect(await fresh).toBe('after');
    });

    it('hides a request sent before an invalidation from callers without a mark', async () => {
      const clock = new SequenceClock();
      const c = lateCache(clock);
      const f = queuedFetch();
      const old = c.get('k', f.fetch, signal);
      f.pending[0]?.send();
      c.invalidate('k');
      const next = c.get('k', f.fetch, signal);
      expect(f.pending).toHaveLength(2);
      f.pending[0]?.resolve('old');
      f.pending[1]?.send();
      f.pending[1]?.resolve('new');
      expect([await old, await next]).toEqual(['old', 'new']);
    });
  });
});
