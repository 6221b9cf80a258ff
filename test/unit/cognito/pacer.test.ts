// The adaptive per-operation pacer with a fake clock: no waiting until the
// first throttle, then a rate learnt from what was sent, probed upwards by
// successes, and per operation.

import { MIN_RATE, OperationPacer, type Clock } from '../../../provider/src/cognito/pacer';

function fakeClock(): Clock & { t: number; slept: number[] } {
  const clock = {
    t: 0,
    slept: [] as number[],
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.slept.push(ms);
      clock.t += ms;
    },
  };
  return clock;
}

test('never waits while the operation was never throttled', async () => {
  const clock = fakeClock();
  const pacer = new OperationPacer(clock);
  for (let i = 0; i < 1000; i++) await pacer.acquire('LookupDeveloperIdentity');
  expect(clock.slept).toEqual([]);
  expect(pacer.rateOf('LookupDeveloperIdentity')).toBe(Infinity);
});

test('a throttle sets the rate to 85 % of what was sent in the last second, and sends are spaced by it', async () => {
  const clock = fakeClock();
  const pacer = new OperationPacer(clock);
  for (let i = 0; i < 20; i++) await pacer.acquire('Merge');
  pacer.throttled('Merge', clock.t);
  expect(pacer.rateOf('Merge')).toBeCloseTo(17);
  for (let i = 0; i < 17; i++) await pacer.acquire('Merge');
  const waited = clock.slept.reduce((a, b) => a + b, 0);
  expect(waited).toBeGreaterThanOrEqual(900);
  expect(waited).toBeLessThanOrEqual(1100);
});

test('throttles of requests sent before the last decrease count once; later ones keep lowering the rate to the floor', async () => {
  const clock = fakeClock();
  const pacer = new OperationPacer(clock);
  const sent: number[] = [];
  for (let i = 0; i < 10; i++) sent.push(await pacer.acquire('Lookup'));
  clock.t += 1;
  for (const at of sent) pacer.throttled('Lookup', at);
  expect(pacer.rateOf('Lookup')).toBeCloseTo(8.5);
  for (let i = 0; i < 40; i++) {
    clock.t += 600;
    pacer.throttled('Lookup', await pacer.acquire('Lookup'));
  }
  expect(pacer.rateOf('Lookup')).toBe(MIN_RATE);
});

test('successes add about 0.15 requests per second per second', async () => {
  const clock = fakeClock();
  const pacer = new OperationPacer(clock);
  for (let i = 0; i < 10; i++) await pacer.acquire('Lookup');
  pacer.throttled('Lookup', clock.t);
  const before = pacer.rateOf('Lookup');
  for (let i = 0; i < Math.round(before); i++) pacer.succeeded('Lookup');
  expect(pacer.rateOf('Lookup') - before).toBeCloseTo(0.15, 1);
});

test('operations are paced independently', async () => {
  const clock = fakeClock();
  const pacer = new OperationPacer(clock);
  pacer.throttled('Merge', await pacer.acquire('Merge'));
  for (let i = 0; i < 100; i++) await pacer.acquire('Lookup');
  expect(clock.slept).toEqual([]);
});

test('a wait ends at once when the call is aborted', async () => {
  const pacer = new OperationPacer();
  let sentAt = 0;
  for (let i = 0; i < 3; i++) sentAt = await pacer.acquire('Merge');
  pacer.throttled('Merge', sentAt);
  // The queue ahead is cancelled at the end: its real timers (up to 1.2 s) would
  // otherwise keep the jest worker alive past its exit grace ("failed to exit gracefully").
  const queue = new AbortController();
  for (let i = 0; i < 3; i++) void pacer.acquire('Merge', queue.signal).catch(() => undefined);
  const controller = new AbortController();
  const started = Date.now();
  const waiting = pacer.acquire('Merge', controller.signal);
  controller.abort();
  try {
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - started).toBeLessThan(200);
  } finally {
    queue.abort();
  }
});

test('callers queued long ago are not counted as recent sends: a throttle then cuts the rate from what actually went out', () => {
  // A clock that only moves when told to: the queued callers just hold their reservations.
  const clock = { t: 0, now: () => clock.t, sleep: () => new Promise<void>(() => undefined) };
  const pacer = new OperationPacer(clock);
  for (let i = 0; i < 10; i++) void pacer.acquire('Lookup');
  pacer.throttled('Lookup', clock.t);
  expect(pacer.rateOf('Lookup')).toBeCloseTo(8.5);
  // Twenty callers ask at once and go out over the next seconds at 8.5/s; 1.5 s on, about 12 of them have.
  for (let i = 0; i < 20; i++) void pacer.acquire('Lookup');
  clock.t = 1500;
  pacer.throttled('Lookup', clock.t);
  // Counting them by when they asked would find none in the last second and fall to the floor (0.5/s).
  expect(pacer.rateOf('Lookup')).toBeGreaterThan(5);
  expect(pacer.rateOf('Lookup')).toBeLessThan(8.5);
});
