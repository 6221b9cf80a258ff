// conform(): fills missing attributes with null and lists every mismatch.

import fc from 'fast-check';
import type { CtyType, CtyValue } from '../../../provider/src/framework/values';
import { Dynamic, UNKNOWN } from '../../../provider/src/framework/values';
import { conform, encodeMsgpack } from '../../../provider/src/plugin/cty';
import { typedValueArb } from './arbitraries';

describe('conform', () => {
  const type: CtyType = [
    'object',
    {
      id: 'string',
      count: 'number',
      items: ['list', ['object', { name: 'string', enabled: 'bool' }]],
      extra: 'dynamic',
    },
  ];

  it('fills missing attributes with null at every depth, so the value can be encoded', () => {
    const { value, problems } = conform({ id: 'x', items: [{ name: 'a' }, {}] }, type);
    expect(problems).toEqual([]);
    expect(value).toStrictEqual({
      id: 'x',
      count: null,
      items: [
        { name: 'a', enabled: null },
        { name: null, enabled: null },
      ],
      extra: null,
    });
    expect(() => encodeMsgpack(value, type)).not.toThrow();
  });

  it('lists every problem with its path, without echoing values', () => {
    const { problems } = conform({ id: 7, count: 'many', items: [{ name: 'a', enabled: 'yes', colour: 'red' }], extra: 'secret-value' } as CtyValue, type);
    expect(problems).toEqual([
      { path: '.id', message: 'a string is required, got a number' },
      { path: '.count', message: 'a number is required, got a string' },
      { path: '.items[0].colour', message: 'unsupported attribute' },
      { path: '.items[0].enabled', message: 'a bool is required, got a string' },
      { path: '.extra', message: 'a dynamic attribute needs a Dynamic value (its type and value), got a string' },
    ]);
    expect(JSON.stringify(problems)).not.toContain('secret-value');
  });

  it('keeps unknowns and checks inside dynamic values', () => {
    expect(conform(UNKNOWN, type)).toStrictEqual({ value: UNKNOWN, problems: [] });
    const { value, problems } = conform({ id: null, count: null, items: null, extra: new Dynamic(['object', { a: 'string' }], {}) }, type);
    expect(problems).toEqual([]);
    expect((value as { extra: Dynamic }).extra).toStrictEqual(new Dynamic(['object', { a: 'string' }], { a: null }));
    expect(conform(new Dynamic('number', 'x'), 'dynamic').problems).toEqual([{ path: '', message: 'a number is required, got a string' }]);
  });

  it('leaves any value that already fits unchanged', () => {
    fc.assert(
      fc.property(typedValueArb(3, { unknowns: true, infinity: true }), ({ type: t, value: v }) => {
        expect(conform(v, t)).toStrictEqual({ value: v, problems: [] });
      }),
    );
  });
});
