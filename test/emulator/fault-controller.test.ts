/** The token bucket and rule bookkeeping with an injected clock and random source (no timing). */
import { FaultController } from '../../emulator/src/faults';

test('burst is max(1, rps) and tokens refill at rps', () => {
  let now = 0;
  const faults = new FaultController(
    { rateLimits: { Op: 2, Slow: 0.5 } },
    () => 1,
    () => now,
  );
  expect([faults.admit('Op'), faults.admit('Op'), faults.admit('Op')]).toEqual([true, true, false]);
  now += 500; // one token back
  expect([faults.admit('Op'), faults.admit('Op')]).toEqual([true, false]);
  expect([faults.admit('Slow'), faults.admit('Slow')]).toEqual([true, false]);
  now += 1999;
  expect(faults.admit('Slow')).toBe(false);
  now += 1;
  expect(faults.admit('Slow')).toBe(true);
  expect(faults.admit('Unlimited')).toBe(true);
});

test('rules fire count times per phase and disappear; wildcard matches any operation', () => {
  const faults = new FaultController(
    {
      rules: [
        { operation: 'Merge', kind: 'internal-error', phase: 'after', count: 2 },
        { operation: '*', kind: 'throttle' },
      ],
    },
    () => 1,
  );
  expect(faults.before('Lookup')).toBe('throttle');
  expect(faults.before('Lookup')).toBeUndefined();
  expect(faults.before('Merge')).toBeUndefined();
  expect([faults.after('Merge'), faults.after('Merge'), faults.after('Merge')]).toEqual(['internal-error', 'internal-error', undefined]);
  expect(faults.current()).toEqual({});
});

test('probabilities use the random source: drop is checked before internal errors', () => {
  const faults = new FaultController({ dropConnectionRate: 0.5, internalErrorRate: 0.5 }, () => 0.4);
  expect(faults.before('Op')).toBe('drop');
  const errorsOnly = new FaultController({ internalErrorRate: 0.5 }, () => 0.4);
  expect(errorsOnly.before('Op')).toBe('internal-error');
  const never = new FaultController({ internalErrorRate: 0.5 }, () => 0.6);
  expect(never.before('Op')).toBeUndefined();
});

test('latency: one number or per operation', () => {
  expect(new FaultController({ latencyMs: 30 }).latencyMs('Any')).toBe(30);
  const perOp = new FaultController({ latencyMs: { A: 10 } });
  expect([perOp.latencyMs('A'), perOp.latencyMs('B')]).toEqual([10, 0]);
});

test('bad configurations name the field', () => {
  expect(() => new FaultController({ rateLimits: { Op: 0 } })).toThrow('rateLimits.Op must be a number greater than 0.');
  expect(() => new FaultController({ latencyMs: -1 })).toThrow('latencyMs must be a number of at least 0.');
  expect(() => new FaultController({ rules: [{ operation: 'Op', kind: 'drop', count: 0 }] })).toThrow('rules[0].count must be a positive integer.');
  expect(() => new FaultController({ nope: 1 } as never)).toThrow("Unknown fault setting 'nope'");
});
