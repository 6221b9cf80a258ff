import { CoalescingCache, SequenceClock } from '../../../provider/src/cognito/lookup';

/** A fetch the test resolves by hand, counting how often it was started. */
function manualFetch<T>() {
  const pending: { resolve: (v: T) => void; reject: (e: unknown) => void }[] = [];
  const fetch = () => new Promise<T>((resolve, reject) => pending.push({ resolve, reject }));
  return { fetch, pending };
}

describe('coalescing lookup cache', () => {
  const signal = new AbortController().signal;
  let now = 0;
  const cache = () => new CoalescingCache<string>(new SequenceClock(), 3000, () => now);

  beforeEach(() => {
    now = 1_000_000;
  });

  it('shares one request among concurrent identical lookups', async () => {
    const c = cache();
    const f = manualFetch<string>();
    const all = Promise.all([c.get('k', f.fetch, signal), c.get('k', f.fetch, signal), c.get('k', f.fetch, signal)]);
    expect(f.pending).toHaveLength(1);
    f.pending[0].resolve('v');
    expect(await all).toEqual(['v', 'v', 'v']);
  });

  it('reuses a result for the TTL, then fetches again', async () => {
    const c = cache();
    const f = manualFetch<string>();
    const first = c.get('k', f.fetch, signal);
    f.pending[0].resolve('v1');
    await first;
    now += 2999;
    expect(await c.get('k', f.fetch, signal)).toBe('v1');
    now += 2;
    const third = c.get('k', f.fetch, signal);
    expect(f.pending).toHaveLength(2);
    f.pending[1].resolve('v2');
    expect(await third).toBe('v2');
  });

  it('does not cache failures', async () => {
    const c = cache();
    const f = manualFetch<string>();
    const first = c.get('k', f.fetch, signal);
    f.pending[0].reject(new Error('boom'));
    await expect(first).rejects.toThrow('boom');
    const second = c.get('k', f.fetch, signal);
    expect(f.pending).toHaveLength(2);
    f.pending[1].resolve('ok');
    expect(await second).toBe('ok');
  });

  it('gives a caller that needs fresh data only requests started after its mark', async () => {
    const clock = new SequenceClock();
    const c = new CoalescingCache<string>(clock, 3000, () => now);
    const f = manualFetch<string>();
    const old = c.get('k', f.fetch, signal);
    const mark = clock.next(); // e.g. a merge finished here
    const fresh = c.get('k', f.fetch, signal, { startedAfter: mark });
    expect(f.pending).toHaveLength(2);
    const joined = c.get('k', f.fetch, signal, { startedAfter: mark });
    expect(f.pending).toHaveLength(2);
    f.pending[0].resolve('before');
    f.pending[1].resolve('after');
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
    f.pending[0].resolve('stale');
    expect(await stale).toBe('stale');
    const next = c.get('k', f.fetch, signal);
    expect(f.pending).toHaveLength(2);
    f.pending[1].resolve('new');
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
    f.pending[0].resolve('v');
    expect(await first).toBe('v');
  });
});
