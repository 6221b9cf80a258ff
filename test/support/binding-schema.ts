// Helpers of test/bindings/schema-drift.test.ts: attribute names and sample
// values from a provider schema, synthesized blocks, and the accessor and
// key-table checks that compare a binding with its schema.
import { Testing } from 'cdktf';
import type { Construct } from 'constructs';
import type { AttributeSchema, Schema } from '../../provider/src/framework/schema';
import type { CtyType } from '../../provider/src/framework/values';
import { first, required } from './lists';

export const camel = (snake: string): string => snake.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
export const pascal = (snake: string): string => camel(snake).replace(/^./, (c) => c.toUpperCase());
export const settable = (a: AttributeSchema): boolean => a.required === true || a.optional === true;
export const attrs = (schema: Schema): [string, AttributeSchema][] => Object.entries(schema.block.attributes);
export const settableNames = (schema: Schema): string[] =>
  attrs(schema)
    .filter(([, a]) => settable(a))
    .map(([n]) => n)
    .sort();

/** A value of the attribute's type, distinct per attribute so a mix-up shows. */
export function sampleValue(name: string, type: CtyType, salt = 'v'): unknown {
  if (type === 'string') return `${salt}-${name}`;
  if (type === 'number') return name.length + (salt === 'v' ? 0 : 100);
  if (type === 'bool') return true;
  if (Array.isArray(type) && type[0] === 'list' && type[1] === 'string') return [`${salt}-${name}`];
  throw new Error(`schema-drift test: no sample value for type ${JSON.stringify(type)} of ${name}; extend sampleValue`);
}

export function fullConfig(schema: Schema, salt = 'v'): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const [name, a] of attrs(schema)) if (settable(a)) config[camel(name)] = sampleValue(name, a.type, salt);
  return config;
}

/** Attribute keys of a synthesized block, without cdktf's `//` metadata and meta-arguments. */
export function attributeKeys(block: Record<string, unknown>): string[] {
  const meta = new Set(['depends_on', 'count', 'provider', 'lifecycle', 'for_each', 'provisioner', 'connection']);
  return Object.keys(block)
    .filter((k) => !k.startsWith('//') && !meta.has(k))
    .sort();
}

type Synth = Record<string, Record<string, Record<string, Record<string, unknown>>>>;
export const synth = (fn: (scope: Construct) => void): Synth => JSON.parse(Testing.synthScope(fn)) as Synth;

/** The synthesized block `section.type.name`; fails naming it when it is missing. */
export const blockOf = (out: Synth, section: string, type: string, name: string): Record<string, unknown> =>
  required(out[section]?.[type]?.[name], `${section}.${type}.${name} in the synthesized JSON`);

/** The first synthesized `provider` block of `type` (provider blocks are a list). */
export const providerBlockOf = (out: Synth, type: string): Record<string, unknown> =>
  first((out.provider?.[type] ?? []) as unknown as Record<string, unknown>[], `provider.${type} in the synthesized JSON`);

/** Names of accessors defined on the class itself (not inherited). */
function ownAccessors(proto: object): { getters: string[]; setters: string[]; methods: string[] } {
  const getters: string[] = [];
  const setters: string[] = [];
  const methods: string[] = [];
  for (const [name, d] of Object.entries(Object.getOwnPropertyDescriptors(proto))) {
    if (name === 'constructor') continue;
    if (d.get) getters.push(name);
    if (d.set) setters.push(name);
    if (typeof d.value === 'function') methods.push(name);
  }
  return { getters: getters.sort(), setters: setters.sort(), methods: methods.sort() };
}

export function expectAccessorsMatch(proto: object, schema: Schema, extra: string[] = []): void {
  const { getters, setters, methods } = ownAccessors(proto);
  const names = attrs(schema);
  const expectedGetters = [
    ...names.map(([n]) => camel(n)),
    ...names.filter(([, a]) => settable(a)).map(([n]) => `${camel(n)}Input`),
    ...extra.flatMap((e) => [e, `${e}Input`]),
  ].sort();
  expect(getters).toEqual(expectedGetters);
  expect(setters).toEqual([...names.filter(([, a]) => settable(a)).map(([n]) => camel(n)), ...extra].sort());
  const expectedResets = [...names.filter(([, a]) => a.optional === true).map(([n]) => `reset${pascal(n)}`), ...extra.map((e) => `reset${pascal(e)}`)].sort();
  expect(methods.filter((m) => m.startsWith('reset'))).toEqual(expectedResets);
}

export function expectKeyTables(schema: Schema, all: object, required: object): void {
  expect(Object.keys(all).sort()).toEqual(settableNames(schema).map(camel).sort());
  expect(Object.keys(required).sort()).toEqual(
    attrs(schema)
      .filter(([, a]) => a.required === true)
      .map(([n]) => camel(n))
      .sort(),
  );
}
