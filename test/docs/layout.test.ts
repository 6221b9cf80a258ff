// The layout in README.md and docs/architecture.md must match the tree: every
// top-level folder, every folder of provider/src and test, and every file of
// provider/src/release is named in both, so a new folder or file without
// docs fails here.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../support/paths';

const IGNORED = new Set(['node_modules', 'dist', '.git', '.terraform', 'cdktf.out']);
const read = (file: string): string => fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');
const dirsOf = (dir: string): string[] =>
  fs
    .readdirSync(path.join(REPO_ROOT, dir), { withFileTypes: true })
    .filter((e) => e.isDirectory() && !IGNORED.has(e.name) && !e.name.startsWith('.'))
    .map((e) => e.name);

/** The fenced layout block of a Markdown file: the first ``` block after the heading. */
function layoutBlock(file: string, heading: RegExp): string {
  const text = read(file);
  const at = text.search(heading);
  if (at < 0) throw new Error(`${file} has no heading matching ${heading}`);
  const block = /```\n([\s\S]*?)```/.exec(text.slice(at))?.[1];
  if (block === undefined) throw new Error(`${file} has no layout block after ${heading}`);
  return block;
}

const readme = { file: 'README.md', block: layoutBlock('README.md', /^## Layout/m) };
const architecture = { file: 'docs/architecture.md', block: layoutBlock('docs/architecture.md', /^# Architecture/m) };
const layouts = [readme, architecture];

describe.each(layouts)('$file layout', ({ block }) => {
  test.each(dirsOf('.'))('names the top-level folder %s/', (dir) => {
    expect(block).toContain(`${dir}/`);
  });
  test.each(dirsOf('provider/src'))('names provider/src/%s/', (dir) => {
    expect(block).toContain(`src/${dir}/`);
  });
  test.each(dirsOf('test'))('names test/%s/', (dir) => {
    expect(block).toContain(`${dir}/`);
  });
});

test('docs/architecture.md names every file of provider/src/release', () => {
  const block = architecture.block;
  const files = fs.readdirSync(path.join(REPO_ROOT, 'provider/src/release')).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
  expect(files.filter((f) => !block.includes(f))).toEqual([]);
});
