// CallFunction in the plugin layer on its own (no gRPC, no Cognito): every
// failure becomes a FunctionError, with the argument's position exactly when
// the failure is about one argument. Values go through the real cty codec.

import { encode } from '@msgpack/msgpack';
import type { FunctionDefinition } from '../../../provider/src/framework/functions';
import { decodeMsgpack, encodeMsgpack } from '../../../provider/src/plugin/cty';
import { callFunction } from '../../../provider/src/plugin/function-service';
import type { DynamicValueMsg } from '../../../provider/src/plugin/proto-types';

/** repeat(text, times): a function with no provider knowledge, refusing times < 1 by position. */
const repeat: FunctionDefinition = {
  summary: 'repeats a string',
  description: 'test function',
  parameters: [
    { name: 'text', type: 'string', description: 'what to repeat' },
    { name: 'times', type: 'number', description: 'how often' },
  ],
  returnType: 'string',
  call: ([text, times]) => {
    if (typeof times !== 'number' || times < 1) return { ok: false, error: { argument: 1, text: 'times must be at least 1' } };
    if (text === 'boom') throw new Error('kaput');
    return { ok: true, value: String(text).repeat(times) };
  },
};
const defs = { repeat };

const arg = (value: string | number): DynamicValueMsg => ({
  msgpack: Buffer.from(encodeMsgpack(value, typeof value === 'number' ? 'number' : 'string')),
  json: Buffer.alloc(0),
});
/** A msgpack map where a string belongs: a value the codec cannot decode as the parameter's type. */
const notAString: DynamicValueMsg = { msgpack: Buffer.from(encode({ a: 1 })), json: Buffer.alloc(0) };

test.each([
  ['an unknown function', 'nope', [arg('a')], { text: 'this provider has no function "nope"' }],
  ['too few arguments', 'repeat', [arg('a')], { text: 'repeat takes 2 arguments, got 1' }],
  ['too many arguments', 'repeat', [arg('a'), arg(2), arg(3)], { text: 'repeat takes 2 arguments, got 3' }],
  ['an argument that does not decode as its type', 'repeat', [notAString, arg(2)], { function_argument: 0 }],
  ["the function's own refusal", 'repeat', [arg('a'), arg(0)], { text: 'times must be at least 1', function_argument: 1 }],
  ['a function that throws', 'repeat', [arg('boom'), arg(2)], { text: 'internal error in repeat: kaput' }],
])('%s: a FunctionError, with the argument position only when one argument is at fault', (_what, name, args, error) => {
  const res = callFunction(defs, { name, arguments: args });
  expect(res.result).toBeUndefined();
  expect(res.error).toMatchObject(error);
  if (!('function_argument' in error)) expect(res.error?.function_argument).toBeUndefined();
  if ('function_argument' in error && error.function_argument === 0) expect(res.error?.text).toMatch(/^text: /);
});

test('a good call answers the value, encoded as the return type', () => {
  const res = callFunction(defs, { name: 'repeat', arguments: [arg('ab'), arg(3)] });
  expect(res.error).toBeUndefined();
  const msgpack = res.result?.msgpack;
  expect(msgpack).toBeDefined();
  expect(decodeMsgpack(msgpack as Uint8Array, 'string')).toBe('ababab');
});
