// The 20-login count of a merge (linked-login-limit.ts) as a table: what the
// source, the destination and the other merges of the plan bring, and whether
// the merge fits, needs the destination's public logins read, or is refused.

import {
  judgeLinkedLogins,
  MAX_LINKED_LOGINS,
  tooManyLogins,
  type Counted,
  type LinkedLogins,
  type LoginLimitVerdict,
} from '../../../provider/src/cognito/linked-login-limit';

const users = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

const base: LinkedLogins = {
  countDeveloperIds: true,
  srcUsers: ['s'],
  dstUsers: ['d'],
  joining: ['s'],
  srcPublic: 0,
  poolPublicProviders: 0,
  limit: MAX_LINKED_LOGINS,
};

interface Row {
  name: string;
  logins: Partial<LinkedLogins>;
  /** The destination's public logins, when read. */
  dstPublic?: number;
  expected: LoginLimitVerdict;
}

/** Over the default limit of 20. */
const over = (counted: Omit<Counted, 'limit'>): LoginLimitVerdict => ({ verdict: 'over', counted: { ...counted, limit: 20 } });

const rows: Row[] = [
  { name: 'well under the limit', logins: {}, expected: { verdict: 'within' } },
  { name: 'exactly at the limit', logins: { srcUsers: users('s', 10), dstUsers: users('d', 10), joining: users('s', 10) }, expected: { verdict: 'within' } },
  {
    name: 'one over the limit',
    logins: { srcUsers: users('s', 10), dstUsers: users('d', 11), joining: users('s', 10) },
    expected: over({ srcUsers: 10, dstUsers: 11, srcPublic: 0, dstPublic: 0, otherPlanned: 0, total: 21 }),
  },
  {
    name: 'the source public logins count',
    logins: { srcUsers: users('s', 10), dstUsers: users('d', 9), joining: users('s', 10), srcPublic: 2 },
    expected: over({ srcUsers: 10, dstUsers: 9, srcPublic: 2, dstPublic: 0, otherPlanned: 0, total: 21 }),
  },
  {
    name: 'users other merges of the plan move into the destination count',
    logins: { srcUsers: ['s'], dstUsers: users('d', 17), joining: ['s', 'o1', 'o2', 'o3'] },
    expected: over({ srcUsers: 1, dstUsers: 17, srcPublic: 0, dstPublic: 0, otherPlanned: 3, total: 21 }),
  },
  {
    name: 'planned users already on the source or destination count once',
    logins: { srcUsers: users('s', 10), dstUsers: users('d', 10), joining: [...users('s', 10), 'd0', 'd9'] },
    expected: { verdict: 'within' },
  },
  {
    name: 'developer user ids are not counted when the setting says so',
    logins: { countDeveloperIds: false, srcUsers: users('s', 30), dstUsers: users('d', 30), joining: users('o', 5), srcPublic: 3, poolPublicProviders: 4 },
    expected: { verdict: 'within' },
  },
  {
    name: 'public logins alone can pass the limit when developer user ids are not counted',
    logins: { countDeveloperIds: false, srcUsers: users('s', 30), srcPublic: 21, poolPublicProviders: 4 },
    expected: over({ srcUsers: 0, dstUsers: 0, srcPublic: 21, dstPublic: 0, otherPlanned: 0, total: 21 }),
  },
  {
    name: "the pool's public providers bound the destination's public logins: no read when they cannot tip it",
    logins: { srcUsers: users('s', 8), dstUsers: users('d', 8), joining: users('s', 8), poolPublicProviders: 4 },
    expected: { verdict: 'within' },
  },
  {
    name: 'when they could tip it, the destination is read',
    logins: { srcUsers: users('s', 8), dstUsers: users('d', 8), joining: users('s', 8), poolPublicProviders: 5 },
    expected: { verdict: 'read-destination' },
  },
  {
    name: 'when the pool is unknown, the destination is read',
    logins: { poolPublicProviders: undefined },
    expected: { verdict: 'read-destination' },
  },
  {
    name: 'no read when the rest is already over: the destination counts as 0',
    logins: { srcUsers: users('s', 19), dstUsers: users('d', 2), joining: users('s', 19), poolPublicProviders: undefined },
    expected: over({ srcUsers: 19, dstUsers: 2, srcPublic: 0, dstPublic: 0, otherPlanned: 0, total: 21 }),
  },
  {
    name: "the destination's public logins, once read, may reach the limit",
    logins: { srcUsers: users('s', 8), dstUsers: users('d', 8), joining: users('s', 8), srcPublic: 1, poolPublicProviders: 5 },
    dstPublic: 3,
    expected: { verdict: 'within' },
  },
  {
    name: "the destination's public logins, once read, may pass the limit",
    logins: { srcUsers: users('s', 8), dstUsers: users('d', 8), joining: users('s', 8), srcPublic: 1, poolPublicProviders: 5 },
    dstPublic: 4,
    expected: over({ srcUsers: 8, dstUsers: 8, srcPublic: 1, dstPublic: 4, otherPlanned: 0, total: 21 }),
  },
  {
    name: 'a smaller limit is applied as given',
    logins: { srcUsers: users('s', 2), dstUsers: users('d', 2), joining: users('s', 2), limit: 3 },
    expected: { verdict: 'over', counted: { srcUsers: 2, dstUsers: 2, srcPublic: 0, dstPublic: 0, otherPlanned: 0, total: 4, limit: 3 } },
  },
];

test.each(rows)('$name', ({ logins, dstPublic, expected }) => {
  expect(judgeLinkedLogins({ ...base, ...logins }, dstPublic)).toEqual(expected);
});

describe('the diagnostic', () => {
  const counted = { srcUsers: 10, dstUsers: 8, srcPublic: 1, dstPublic: 0, otherPlanned: 2, total: 21, limit: 20 };

  test('names every count, the other merges and the setting when developer user ids count', () => {
    const d = tooManyLogins(true, counted);
    expect(d).toMatchObject({ severity: 'error', summary: 'Too many linked logins for a merge', attribute: [{ attribute: 'source_user_identifier' }] });
    expect(d.detail).toBe(
      'The source identity has 10 developer user(s) and 1 public login(s); the destination identity has 8 and 0, and other merges in this plan move 2 more developer user(s) into it. ' +
        'Together that is 21 linked logins, and Cognito allows at most 20 on a merged identity. ' +
        'Unlink some logins (UnlinkDeveloperIdentity/UnlinkIdentity) or merge into a different destination. ' +
        'AWS does not document whether developer user ids count toward this limit; if your merges show they do not, set `count_developer_ids_as_linked_logins = false` in the provider block.',
    );
  });

  test('leaves out the other merges when there are none', () => {
    expect(tooManyLogins(true, { ...counted, otherPlanned: 0 }).detail).toMatch(
      /^The source identity has 10 developer user\(s\) and 1 public login\(s\); the destination identity has 8 and 0\. Together/,
    );
  });

  test('counts public logins only when developer user ids do not count', () => {
    expect(tooManyLogins(false, { ...counted, srcPublic: 15, dstPublic: 6 }).detail).toBe(
      'The source identity has 15 public login(s) and the destination identity 6 (developer user ids not counted). ' +
        'Together that is 21 linked logins, and Cognito allows at most 20 on a merged identity. ' +
        'Unlink some logins (UnlinkDeveloperIdentity/UnlinkIdentity) or merge into a different destination.',
    );
  });
});
