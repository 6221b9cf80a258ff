// The ledger that lets the final plan of a `terraform apply` repeat the plan
// the user reviewed (plan-ledger.ts), and the per-run file it lives in
// (plan-ledger-file.ts). The end-to-end effect (fewer lookups, a clear refusal
// when Cognito changes between the two plans) is in test/provider-e2e/plan-ledger.test.ts.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PlanLedger, type RecordedPlan } from '../../../provider/src/cognito/plan-ledger';
import { openRunLedger, type LedgerStore } from '../../../provider/src/cognito/plan-ledger-file';
import { UNKNOWN, type ObjectValue } from '../../../provider/src/framework/values';
import { errorDiag, warningDiag } from '../../../provider/src/framework/diagnostics';

const CONFIG: ObjectValue = { identity_pool_id: 'us-east-1:p', source_user_identifier: 'a', destination_user_identifier: 'b', on_destroy: null };
const CONNECTION = { region: 'us-east-1', endpoint: 'http://127.0.0.1:1', profile: undefined };

function memoryStore(): LedgerStore & { lines: string[] } {
  const lines: string[] = [];
  return { lines, load: () => [...lines], append: (line) => void lines.push(line) };
}

const plan = (over: Partial<RecordedPlan> = {}): RecordedPlan => ({
  identityId: 'us-east-1:dst',
  movingUsers: ['a'],
  movingPublicLogins: 0,
  plannedPrivate: Buffer.from('{}').toString('base64'),
  diagnostics: [],
  ...over,
});

describe('PlanLedger.keyOf', () => {
  const ledger = new PlanLedger(undefined);
  const base = ledger.keyOf(CONFIG, CONNECTION);
  test.each<[string, ObjectValue, Record<string, string | undefined>, 'same' | 'different' | 'none']>([
    [
      'the same configuration, keys in another order',
      { on_destroy: null, destination_user_identifier: 'b', source_user_identifier: 'a', identity_pool_id: 'us-east-1:p' },
      CONNECTION,
      'same',
    ],
    ['another source user', { ...CONFIG, source_user_identifier: 'c' }, CONNECTION, 'different'],
    ['another optional setting', { ...CONFIG, on_destroy: 'error' }, CONNECTION, 'different'],
    ['another endpoint', CONFIG, { ...CONNECTION, endpoint: 'http://127.0.0.1:2' }, 'different'],
    ['a profile', CONFIG, { ...CONNECTION, profile: 'prod' }, 'different'],
    ['an unknown value', { ...CONFIG, on_destroy: UNKNOWN }, CONNECTION, 'none'],
  ])('%s', (_what, config, connection, expected) => {
    const key = ledger.keyOf(config, connection);
    if (expected === 'none') expect(key).toBeUndefined();
    else if (expected === 'same') expect(key).toBe(base);
    else expect(key).not.toBe(base);
  });

  test('the key is a hash: no user id in clear text', () => {
    expect(base).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('PlanLedger.find and record', () => {
  test('a plan recorded by another process of the run is found; the own process never replays itself', () => {
    const store = memoryStore();
    new PlanLedger(store, 101).record('k', plan());
    expect(new PlanLedger(store, 202).find('k')).toMatchObject(plan());
    expect(new PlanLedger(store, 101).find('k')).toBeUndefined();
    expect(new PlanLedger(store, 202).find('other')).toBeUndefined();
  });

  test('plans with errors are not kept; warnings are', () => {
    const store = memoryStore();
    new PlanLedger(store, 1).record('err', plan({ diagnostics: [errorDiag('no')] }));
    new PlanLedger(store, 1).record('warn', plan({ diagnostics: [warningDiag('careful')] }));
    const later = new PlanLedger(store, 2);
    expect(later.find('err')).toBeUndefined();
    expect(later.find('warn')?.diagnostics).toEqual([warningDiag('careful')]);
  });

  test('the last plan of a key wins; lines that are not plans are skipped', () => {
    const store = memoryStore();
    new PlanLedger(store, 1).record('k', plan({ identityId: 'first' }));
    store.lines.push('not json', '{"key":"k"}');
    new PlanLedger(store, 1).record('k', plan({ identityId: 'second' }));
    expect(new PlanLedger(store, 2).find('k')?.identityId).toBe('second');
  });

  test('without a store nothing is kept or found', () => {
    const ledger = new PlanLedger(undefined, 1);
    ledger.record('k', plan());
    expect(ledger.find('k')).toBeUndefined();
  });

  test('a store that cannot be written costs nothing but the replay', () => {
    const failing: LedgerStore = {
      load: () => [],
      append: () => {
        throw new Error('disk full');
      },
    };
    expect(() => new PlanLedger(failing, 1).record('k', plan())).not.toThrow();
  });
});

describe('openRunLedger', () => {
  let base: string;
  beforeEach(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-ledger-'));
  });
  afterEach(() => fs.rmSync(base, { recursive: true, force: true }));
  const uid = process.getuid?.() ?? -1;
  const dirOf = () => path.join(base, `cognitoidentity-plans-${uid}`);

  test('one file per run of the parent process, in a directory only this user can open', () => {
    const store = openRunLedger(base, process.pid);
    expect(store).toBeDefined();
    store?.append('{"x":1}');
    expect(openRunLedger(base, process.pid)?.load()).toEqual(['{"x":1}']);
    expect(fs.statSync(dirOf()).mode & 0o777).toBe(0o700);
    const [file] = fs.readdirSync(dirOf());
    expect(file).toMatch(new RegExp(`^${process.pid}-\\d+\\.jsonl$`));
    expect(fs.statSync(path.join(dirOf(), file ?? '')).mode & 0o777).toBe(0o600);
  });

  test("files of runs whose process is gone (or whose pid now names a later process) are removed; the live run's stay", () => {
    openRunLedger(base, process.pid)?.append('{}');
    const stale = ['999999999-1.jsonl', `${process.pid}-1.jsonl`];
    for (const name of stale) fs.writeFileSync(path.join(dirOf(), name), '{}\n');
    openRunLedger(base, process.pid);
    const left = fs.readdirSync(dirOf());
    expect(left).toHaveLength(1);
    expect(left.some((name) => stale.includes(name))).toBe(false);
  });

  test('no ledger for a parent that cannot be identified, or a directory others can open', () => {
    expect(openRunLedger(base, 999_999_999)).toBeUndefined();
    fs.mkdirSync(dirOf(), { mode: 0o755 });
    fs.chmodSync(dirOf(), 0o755);
    expect(openRunLedger(base, process.pid)).toBeUndefined();
  });
});
