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
