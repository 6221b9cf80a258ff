// The files the export graph (export-graph.ts) scans, read from the repository.

import * as fs from 'node:fs';
import * as path from 'node:path';

/** Repository-relative paths with '/' separators; a source text for each. */
export type SourceTexts = Map<string, string>;

const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'cdktf.out', '.terraform', '__snapshots__', '.git']);

/** Every .ts (not .d.ts) under `dirs`, and every .js directly in `jsDirs`, read from `root`. */
export function readSources(root: string, dirs: string[], jsDirs: string[]): SourceTexts {
  const texts: SourceTexts = new Map();
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(rel);
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
        texts.set(rel, fs.readFileSync(path.join(root, rel), 'utf8'));
      }
    }
  };
  dirs.forEach(walk);
  for (const dir of jsDirs) {
    for (const name of fs.readdirSync(path.join(root, dir)).filter((n) => n.endsWith('.js'))) {
      texts.set(`${dir}/${name}`, fs.readFileSync(path.join(root, dir, name), 'utf8'));
    }
  }
  return texts;
}
