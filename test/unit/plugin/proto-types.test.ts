// provider/src/plugin/proto-types.ts is generated from the .proto files by
// provider/scripts/proto-types.js; this keeps the committed file from drifting,
// and checks the generator's idea of a decoded message against the real deserializers.

import * as fs from 'node:fs';
import { loadPluginServices } from '../../../provider/src/plugin/proto-loader';
import { required } from '../../support/lists';

// A plain Node script without type declarations, run in-process: the unit tier spawns nothing.
const generator = require('../../../provider/scripts/proto-types') as { protoTypesText(): string; OUTPUT: string };

const committed = fs.readFileSync(generator.OUTPUT, 'utf8');

/** The fields an interface of the generated file always has (not `name?:`). */
function alwaysPresent(interfaceName: string): string[] {
  const found = new RegExp(`^export interface ${interfaceName} \\{(\\}|\\n[\\s\\S]*?^\\})`, 'm').exec(committed);
  if (found === null) throw new Error(`proto-types.ts has no interface ${interfaceName}`);
  const body = found[1] ?? '';
  return [...body.matchAll(/^ {2}(\w+):/gm)].map((m) => m[1] ?? '').sort();
}

describe('proto-types.ts', () => {
  test('is what the generator makes of the .proto files now (`npm run proto:types`)', () => {
    expect(committed).toBe(generator.protoTypesText());
  });

  // An empty message decodes to exactly its defaults: the fields the types promise.
  test.each(Object.keys(loadPluginServices().provider))('%s: the request and response fields always present are the defaults', (rpc) => {
    const method = required(loadPluginServices().provider[rpc], `the ${rpc} method`);
    const empty = Buffer.alloc(0);
    expect(Object.keys(method.requestDeserialize(empty)).sort()).toEqual(alwaysPresent(`${rpc}Request`));
    expect(Object.keys(method.responseDeserialize(empty)).sort()).toEqual(alwaysPresent(`${rpc}Response`));
  });
});
