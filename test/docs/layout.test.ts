// The layout in README.md and docs/architecture.md must match the tree: every
// top-level folder and every folder of provider/src and test is named in both,
// and docs/architecture.md names every source file of provider/src,
// emulator/src and bindings in its folder's entry, so a new folder or file
// without docs fails here.
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

/** The .ts files (not .d.ts) under a folder, all subfolders included, as paths relative to the repository. */
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(REPO_ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return IGNORED.has(e.name) ? [] : sourceFiles(rel);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [rel] : [];
  });
}

/**
 * One entry of a layout block: a line starting at column 0 (a top-level folder) or column 2 (a
 * part of one, e.g. `src/cognito/`), with the lines indented deeper below it.
 */
interface Entry {
  name: string;
  text: string;
  parts: Entry[];
}

function entriesOf(block: string): Entry[] {
  const tops: Entry[] = [];
  let part: Entry | undefined;
  for (const line of block.split('\n')) {
    const name = /^( {0,2})(\S+)/.exec(line);
    const top = tops.at(-1);
    if (name?.[1] === '') {
      tops.push({ name: name[2] ?? '', text: line, parts: [] });
      part = undefined;
    } else if (name !== null && top !== undefined) {
      part = { name: name[2] ?? '', text: line, parts: [] };
      top.parts.push(part);
    } else if (part !== undefined) {
      part.text += `\n${line}`;
    } else if (top !== undefined) {
      top.text += `\n${line}`;
    }
  }
  return tops;
}

/**
 * Where the layout must name a file: the entry of its deepest documented folder (`src/plugin/cty/`
 * for provider/src/plugin/cty/json.ts, `src/` for emulator/src/store.ts), the file's own entry
 * (`src/main.ts`), or else its top-level folder's entry with all its parts.
 */
function entryText(entries: Entry[], file: string): string {
  const [topDir = '', ...rest] = file.split('/');
  const top = entries.find((e) => e.name === `${topDir}/`);
  if (top === undefined) return '';
  const rel = rest.join('/');
  const parts = top.parts.filter((p) => p.name === rel || (p.name.endsWith('/') && rel.startsWith(p.name)));
  const deepest = parts.sort((a, b) => b.name.length - a.name.length)[0];
  return deepest?.text ?? [top.text, ...top.parts.map((p) => p.text)].join('\n');
}

/** Whether text names a file by its file name: `identity.ts` is not named by `merged-identity.ts`. */
function namesFile(text: string, file: string): boolean {
  const name = path.basename(file).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\w.-])${name}(?![\\w-])`).test(text);
}

test('docs/architecture.md names every source file of provider/src, emulator/src and bindings in its folder', () => {
  const entries = entriesOf(architecture.block);
  const files = ['provider/src', 'emulator/src', 'bindings'].flatMap(sourceFiles);
  expect(files.length).toBeGreaterThan(100);
  expect(files.filter((f) => !namesFile(entryText(entries, f), f))).toEqual([]);
});

test('the file check reads names, and each in its folder', () => {
  const entries = entriesOf('provider/\n  src/a/     x.ts (merged-identity.ts)\n  src/main.ts  y\nbindings/  z.ts\n');
  expect(namesFile(entryText(entries, 'provider/src/a/x.ts'), 'x.ts')).toBe(true);
  expect(namesFile(entryText(entries, 'provider/src/a/identity.ts'), 'identity.ts')).toBe(false);
  expect(namesFile(entryText(entries, 'provider/src/main.ts'), 'provider/src/main.ts')).toBe(true);
  expect(namesFile(entryText(entries, 'provider/src/b/z.ts'), 'z.ts')).toBe(false);
  expect(namesFile(entryText(entries, 'bindings/z.ts'), 'z.ts')).toBe(true);
  expect(namesFile(entryText(entries, 'bindings/x.ts'), 'x.ts')).toBe(false);
});
