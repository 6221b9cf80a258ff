// Every provider-defined function has its registry page under docs/functions/,
// and the page's Arguments list names each parameter, in order.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cognitoFunctions } from '../../provider/src/cognito/functions';
import { DOCS_DIR } from './registry-docs';

const functions = Object.entries(cognitoFunctions);

test('docs/functions holds exactly one page per function', () => {
  const pages = readdirSync(join(DOCS_DIR, 'functions'))
    .filter((f) => f.endsWith('.md'))
    .sort();
  expect(pages).toEqual(functions.map(([name]) => `${name}.md`).sort());
});

test.each(functions)('docs/functions/%s.md lists its parameters in order', (name, fn) => {
  const text = readFileSync(join(DOCS_DIR, 'functions', `${name}.md`), 'utf8');
  const args = text.split('## Arguments')[1] ?? '';
  const listed = [...args.matchAll(/^\d+\. `([a-z_]+)`/gm)].map((m) => m[1]);
  expect(listed).toEqual(fn.parameters.map((p) => p.name));
  expect(text).toContain(`# Function: ${name}`);
});
