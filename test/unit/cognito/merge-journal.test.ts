import { MergeJournal } from '../../../provider/src/cognito/merge-journal';

describe('MergeJournal.settled: read-backs of a fan-in wait for the merges already queued', () => {
  it('resolves at once when no merge into the identity is pending', async () => {
    await expect(new MergeJournal().settled('pool', 'dst', 60_000)).resolves.toBeUndefined();
  });

  it('resolves when the last pending merge into the identity is done, not before', async () => {
    const journal = new MergeJournal();
    const first = journal.expect('pool', 'dst');
    const second = journal.expect('pool', 'dst');
    const other = journal.expect('pool', 'elsewhere');
    let settled = false;
    const waiting = journal.settled('pool', 'dst', 60_000).then(() => (settled = true));
    first();
    first(); // a second call of the same handle counts once
    await Promise.resolve();
    expect(settled).toBe(false);
    second();
    await waiting;
    expect(settled).toBe(true);
    other();
  });

  it('gives up waiting after maxWaitMs', async () => {
    const journal = new MergeJournal();
    const done = journal.expect('pool', 'dst');
    const started = Date.now();
    await journal.settled('pool', 'dst', 30);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    done();
  });
});

describe('MergeJournal.exclusive: one merge of a pool at a time, a shared destination first', () => {
  /** Starts a merge into `destination` that finishes when its returned `finish` is called, and logs its start. */
  function merge(journal: MergeJournal, log: string[], name: string, destination: string, pool = 'pool') {
    let finish!: () => void;
    const prepare = () => void log.push(`prepare ${name}`);
    const gate = new Promise<void>((resolve) => (finish = resolve));
    const done = journal.exclusive(
      pool,
      async () => {
        log.push(name);
        await gate;
      },
      { destination, prepare },
    );
    return { finish, done };
  }
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  /** The merges in the order they ran, without the reads ahead. */
  const ran = (log: string[]) => log.filter((line) => !line.startsWith('prepare '));

  it('runs one merge of a pool at a time; another pool does not wait', async () => {
    const journal = new MergeJournal();
    const log: string[] = [];
    const a = merge(journal, log, 'a', 'd1');
    const b = merge(journal, log, 'b', 'd2');
    const other = merge(journal, log, 'other', 'd1', 'pool-2');
    await settle();
    expect(ran(log)).toEqual(['a', 'other']);
    a.finish();
    await a.done;
    await settle();
    expect(ran(log)).toEqual(['a', 'other', 'b']);
    b.finish();
    other.finish();
    await Promise.all([b.done, other.done]);
  });

  it('a waiting merge into the destination just merged into goes ahead of older waiters', async () => {
    const journal = new MergeJournal();
    const log: string[] = [];
    const a = merge(journal, log, 'a', 'd1');
    const b = merge(journal, log, 'b', 'd2');
    const c = merge(journal, log, 'c', 'd1');
    await settle();
    a.finish();
    await settle();
    expect(ran(log)).toEqual(['a', 'c']);
    c.finish();
    await settle();
    b.finish();
    await Promise.all([a.done, b.done, c.done]);
    expect(ran(log)).toEqual(['a', 'c', 'b']);
  });

  it('jumps the queue at most five times in a row, then the oldest waiter goes', async () => {
    const journal = new MergeJournal();
    const log: string[] = [];
    const first = merge(journal, log, 'd1-0', 'd1');
    const old = merge(journal, log, 'old', 'd2');
    const same = [1, 2, 3, 4, 5, 6].map((i) => merge(journal, log, `d1-${i}`, 'd1'));
    for (const m of [first, ...same, old]) {
      await settle();
      m.finish();
    }
    await Promise.all([first, old, ...same].map((m) => m.done));
    expect(ran(log)).toEqual(['d1-0', 'd1-1', 'd1-2', 'd1-3', 'd1-4', 'd1-5', 'old', 'd1-6']);
  });

  it('a merge that throws hands the pool on', async () => {
    const journal = new MergeJournal();
    await expect(journal.exclusive('pool', () => Promise.reject(new Error('boom')), { destination: 'd1' })).rejects.toThrow('boom');
    await expect(journal.exclusive('pool', () => Promise.resolve('next'), { destination: 'd1' })).resolves.toBe('next');
  });

  it('the next two merges in the queue read ahead, the rest once they move up; a merge that finds the pool free reads in its turn', async () => {
    const journal = new MergeJournal();
    const log: string[] = [];
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((name) => merge(journal, log, name, `dst-${name}`));
    await settle();
    expect(log).toEqual(['a', 'prepare b', 'prepare c']);
    for (const m of [a, b, c, d]) {
      m?.finish();
      await settle();
    }
    await Promise.all([a, b, c, d].map((m) => m?.done));
    // d reads ahead as b is handed the pool, before b's work starts.
    expect(log).toEqual(['a', 'prepare b', 'prepare c', 'prepare d', 'b', 'c', 'd']);
  });
});
