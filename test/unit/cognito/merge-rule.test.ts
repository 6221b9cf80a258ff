// The rule of "What a merge moves" (docs/resources/merged_identity.md) as a
// pure function: identities before, the plan's verdict, identities at apply,
// the apply's verdict. Each row is one case of the rule.

import { applyVerdict, planVerdict, type ApplyVerdict, type IdentityView, type OtherMerges, type PlanVerdict } from '../../../provider/src/cognito/merge-rule';

const S = 'id:source';
const D = 'id:destination';
const E = 'id:elsewhere';
const view = (identityId: string, users: string[], publicLogins: number | null = 0): IdentityView => ({ identityId, users, publicLogins });
const none: OtherMerges = { sameSource: [], intoSource: [], destinationMovesTo: [] };

interface PlanRow {
  name: string;
  source: IdentityView;
  destination: IdentityView;
  allowUnnamed?: boolean;
  others?: Partial<OtherMerges>;
  expected: PlanVerdict;
}

const planRows: PlanRow[] = [
  {
    name: 'a source alone on its identity moves alone',
    source: view(S, ['s']),
    destination: view(D, ['d']),
    expected: { verdict: 'merge', moving: ['s'], movingPublicLogins: 0 },
  },
  {
    name: 'another developer user on the source identity is refused by default, and named',
    source: view(S, ['x', 's']),
    destination: view(D, ['d']),
    expected: { verdict: 'refuse', refusals: [{ rule: 'unnamed', users: ['x'], publicLogins: 0 }] },
  },
  {
    name: 'with consent every user on the source identity moves, the source first',
    source: view(S, ['x', 's', 'y']),
    destination: view(D, ['d']),
    allowUnnamed: true,
    expected: { verdict: 'merge', moving: ['s', 'x', 'y'], movingPublicLogins: 0 },
  },
  {
    name: 'a public login on the source identity is refused by default',
    source: view(S, ['s'], 1),
    destination: view(D, ['d']),
    expected: { verdict: 'refuse', refusals: [{ rule: 'unnamed', users: [], publicLogins: 1 }] },
  },
  {
    name: 'a public login moves with consent, and is counted',
    source: view(S, ['s'], 2),
    destination: view(D, ['d']),
    allowUnnamed: true,
    expected: { verdict: 'merge', moving: ['s'], movingPublicLogins: 2 },
  },
  {
    name: 'public logins that cannot be read are refused without consent',
    source: view(S, ['s'], null),
    destination: view(D, ['d']),
    expected: { verdict: 'refuse', refusals: [{ rule: 'public-logins-unknown' }] },
  },
  {
    name: 'a source already on the destination identity moves nothing',
    source: view(D, ['d', 's', 'x'], 3),
    destination: view(D, ['d', 's', 'x'], 3),
    expected: { verdict: 'adopt' },
  },
  {
    name: 'the same source into two destinations is refused',
    source: view(S, ['s']),
    destination: view(D, ['d']),
    others: { sameSource: ['d2'] },
    expected: { verdict: 'refuse', refusals: [{ rule: 'same-source', destinations: ['d2'] }] },
  },
  {
    name: 'a chain through the source is refused (a -> s while s -> d)',
    source: view(S, ['s']),
    destination: view(D, ['d']),
    others: { intoSource: ['a'] },
    expected: { verdict: 'refuse', refusals: [{ rule: 'chain', intoSource: ['a'], destinationMovesTo: [] }] },
  },
  {
    name: 'a chain through the destination is refused (s -> d while d -> c)',
    source: view(S, ['s']),
    destination: view(D, ['d']),
    others: { destinationMovesTo: ['c'] },
    expected: { verdict: 'refuse', refusals: [{ rule: 'chain', intoSource: [], destinationMovesTo: ['c'] }] },
  },
  {
    name: 'a chain is refused even when nothing would move now',
    source: view(D, ['d', 's']),
    destination: view(D, ['d', 's']),
    others: { destinationMovesTo: ['c'] },
    expected: { verdict: 'refuse', refusals: [{ rule: 'chain', intoSource: [], destinationMovesTo: ['c'] }] },
  },
  {
    name: 'consent does not lift the one-source rule',
    source: view(S, ['s', 'x']),
    destination: view(D, ['d']),
    allowUnnamed: true,
    others: { sameSource: ['d2'] },
    expected: { verdict: 'refuse', refusals: [{ rule: 'same-source', destinations: ['d2'] }] },
  },
];

describe('planVerdict', () => {
  test.each(planRows)('$name', (row) => {
    const intent = { source: 's', destination: 'd', allowUnnamed: row.allowUnnamed ?? false };
    expect(planVerdict(intent, row.source, row.destination, { ...none, ...row.others })).toEqual(row.expected);
  });
});

interface ApplyRow {
  name: string;
  planned: { source: IdentityView; destination: IdentityView };
  source: IdentityView;
  destination: IdentityView;
  arrived?: string[];
  expected: ApplyVerdict;
}

const planned = { source: view(S, ['s']), destination: view(D, ['d']) };

const applyRows: ApplyRow[] = [
  { name: 'nothing changed: merge', planned, source: view(S, ['s']), destination: view(D, ['d']), expected: { verdict: 'merge' } },
  {
    name: 'someone put another user on the source identity: refused, naming it',
    planned,
    source: view(S, ['s', 'x']),
    destination: view(D, ['d']),
    expected: { verdict: 'changed', changes: [{ what: 'source-users', added: ['x'], removed: [] }] },
  },
  {
    name: 'a public login appeared on the source identity: refused',
    planned,
    source: view(S, ['s'], 1),
    destination: view(D, ['d']),
    expected: { verdict: 'changed', changes: [{ what: 'source-public-logins', planned: 0, now: 1 }] },
  },
  {
    name: 'the source was merged elsewhere: refused, with its new identity',
    planned,
    source: view(E, ['e', 's']),
    destination: view(D, ['d']),
    expected: {
      verdict: 'changed',
      changes: [
        { what: 'source-moved', planned: S, now: E },
        { what: 'source-users', added: ['e'], removed: [] },
      ],
    },
  },
  {
    name: 'the destination moved: refused, naming both identities',
    planned,
    source: view(S, ['s']),
    destination: view(E, ['e', 'd']),
    expected: { verdict: 'changed', changes: [{ what: 'destination-moved', planned: D, now: E }] },
  },
  {
    name: 'the destination grew by a merge of this apply (fan-in): merge',
    planned,
    source: view(S, ['s']),
    destination: view(D, ['d', 'f']),
    arrived: ['f'],
    expected: { verdict: 'merge' },
  },
  {
    name: 'the destination grew by someone else: refused',
    planned,
    source: view(S, ['s']),
    destination: view(D, ['d', 'f', 'z']),
    arrived: ['f'],
    expected: { verdict: 'changed', changes: [{ what: 'destination-users', added: ['z'], removed: [] }] },
  },
  {
    name: 'the destination lost a user: refused',
    planned: { source: view(S, ['s']), destination: view(D, ['d', 'k']) },
    source: view(S, ['s']),
    destination: view(D, ['d']),
    expected: { verdict: 'changed', changes: [{ what: 'destination-users', added: [], removed: ['k'] }] },
  },
  {
    name: 'an earlier merge of this apply already moved the source along: adopt, no merge',
    planned: { source: view(S, ['x', 's']), destination: view(D, ['d']) },
    source: view(D, ['d', 'x', 's']),
    destination: view(D, ['d', 'x', 's']),
    arrived: ['x', 's'],
    expected: { verdict: 'adopt' },
  },
  {
    name: 'public logins plan could not read are not compared',
    planned: { source: view(S, ['s'], null), destination: view(D, ['d']) },
    source: view(S, ['s'], null),
    destination: view(D, ['d']),
    expected: { verdict: 'merge' },
  },
];

describe('applyVerdict', () => {
  test.each(applyRows)('$name', (row) => {
    expect(applyVerdict(row.planned, row.source, row.destination, row.arrived ?? [])).toEqual(row.expected);
  });
});
