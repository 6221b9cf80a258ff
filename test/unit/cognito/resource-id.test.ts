import fc from 'fast-check';
import { formatResourceId, parseResourceId, type MergeKey } from '../../../provider/src/cognito/resource-id';

const key = (src: string, dst: string): MergeKey => ({
  identityPoolId: 'us-east-1:0def4f54-71bd-42f5-b8d9-7e8811807670',
  developerProviderName: 'login.example.app',
  sourceUserIdentifier: src,
  destinationUserIdentifier: dst,
});

describe('resource id', () => {
  it('joins the four parts with commas', () => {
    expect(formatResourceId(key('alice', 'bob'))).toBe('us-east-1:0def4f54-71bd-42f5-b8d9-7e8811807670,login.example.app,alice,bob');
  });

  it.each([
    ['a colon', 'a:b', 'a:b'],
    ['a comma', 'a,b', 'a%2Cb'],
    ['a slash', 'a/b', 'a/b'],
    ['a percent', '100%', '100%25'],
    ['an escape lookalike', '%2C', '%252C'],
    ['spaces', ' a b ', ' a b '],
    ['unicode', 'ünï✓😀', 'ünï✓😀'],
  ])('escapes and round-trips %s', (_what, user, escaped) => {
    const id = formatResourceId(key(user, 'dst,%'));
    expect(id).toBe(`us-east-1:0def4f54-71bd-42f5-b8d9-7e8811807670,login.example.app,${escaped},dst%2C%25`);
    expect(parseResourceId(id)).toEqual({ ok: true, key: key(user, 'dst,%') });
  });

  it('accepts lower-case escapes', () => {
    expect(parseResourceId('p:1,prov,a%2cb,c%25')).toEqual({
      ok: true,
      key: { identityPoolId: 'p:1', developerProviderName: 'prov', sourceUserIdentifier: 'a,b', destinationUserIdentifier: 'c%' },
    });
  });

  it.each([
    ['too few parts', 'us-east-1:1,prov,alice', /expected 4 parts.*found 3/],
    ['too many parts', 'us-east-1:1,prov,alice,bob,carol', /expected 4 parts.*found 5/],
    ['an empty part', 'us-east-1:1,,alice,bob', /developer_provider_name part is empty/],
    ['a bad escape', 'us-east-1:1,prov,al%41ce,bob', /source_user_identifier part has a "%" at position 3/],
    ['a trailing percent', 'us-east-1:1,prov,alice,bob%', /destination_user_identifier part has a "%"/],
  ])('rejects %s', (_what, id, problem) => {
    const parsed = parseResourceId(id);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatch(problem);
  });

  it('round-trips any non-empty strings', () => {
    const part = fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' });
    fc.assert(
      fc.property(part, part, part, part, (a, b, c, d) => {
        const k = { identityPoolId: a, developerProviderName: b, sourceUserIdentifier: c, destinationUserIdentifier: d };
        const id = formatResourceId(k);
        expect(id.split(',')).toHaveLength(4);
        expect(parseResourceId(id)).toEqual({ ok: true, key: k });
      }),
    );
  });
});
