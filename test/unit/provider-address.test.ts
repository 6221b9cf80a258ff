// The provider's name, source address, version and magic cookie have one
// definition each (provider/src/provider-address.ts, provider/src/plugin/handshake.ts).
// What cannot import them keeps a copy, and these keep the copies equal.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROVIDER_IDENTITY, PROVIDER_TYPE as COGNITO_PROVIDER_TYPE } from '../../provider/src/cognito/identity';
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } from '../../provider/src/plugin/handshake';
import { PROGRAM_NAME, PROVIDER_TYPE, PROVIDER_VERSION, SOURCE_ADDRESS } from '../../provider/src/provider-address';

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string): string => fs.readFileSync(path.join(ROOT, file), 'utf8');

test("package.json's name and version are the program name and the provider version", () => {
  const pkg = JSON.parse(read('package.json')) as { name: string; version: string };
  expect({ name: pkg.name, version: pkg.version }).toEqual({ name: PROGRAM_NAME, version: PROVIDER_VERSION });
});

test("provider/bin/cli.js (plain JS, runs unbuilt) has handshake.ts's magic cookie", () => {
  const cli = read('provider/bin/cli.js');
  const literal = (name: string): string | undefined => new RegExp(`^const ${name} = '([^']*)';$`, 'm').exec(cli)?.[1];
  expect({ key: literal('MAGIC_COOKIE_KEY'), value: literal('MAGIC_COOKIE_VALUE') }).toEqual({ key: MAGIC_COOKIE_KEY, value: MAGIC_COOKIE_VALUE });
});

test("the Cognito provider's identity names the same type, program and source address", () => {
  expect(COGNITO_PROVIDER_TYPE).toBe(PROVIDER_TYPE);
  expect(PROVIDER_IDENTITY.typeName).toBe(PROVIDER_TYPE);
  expect(PROVIDER_IDENTITY.installHint).toContain(`npx ${PROGRAM_NAME} install`);
  expect(PROVIDER_IDENTITY.installHint).toContain(`\`${SOURCE_ADDRESS}\``);
});

test('docs/architecture.md states the source address and version', () => {
  expect(read('docs/architecture.md')).toContain(`Provider source address: \`${SOURCE_ADDRESS}\`, version \`${PROVIDER_VERSION}\``);
});
