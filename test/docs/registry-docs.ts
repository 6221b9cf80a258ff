// Reads the registry-style docs under docs/: the `## Argument Reference` and
// `## Attribute Reference` bullet lists (`* \`name\` - (Required) text`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const DOCS_DIR = join(__dirname, '..', '..', 'docs');

export interface DocBullet {
  name: string;
  /** The parenthesized markers at the start, e.g. ['Optional', 'Sensitive']; empty for attributes. */
  markers: string[];
  /** The text after the markers, continuation lines joined. */
  text: string;
  line: number;
}

export interface RegistryDoc {
  path: string;
  text: string;
  /** undefined when the doc has no such section. */
  arguments?: DocBullet[];
  attributes?: DocBullet[];
}

/** The lines of a `## heading` section, up to the next `## ` heading. */
function section(lines: string[], heading: string): { start: number; lines: string[] } | undefined {
  const start = lines.findIndex((l) => l.trim() === `## ${heading}`);
  if (start < 0) return undefined;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => l.startsWith('## '));
  return { start: start + 1, lines: end < 0 ? rest : rest.slice(0, end) };
}

const BULLET = /^\* `([^`]+)` - (.*)$/;
const MARKERS = /^\(([^)]*)\)\s*/;

function bullets(sec: { start: number; lines: string[] }, path: string): DocBullet[] {
  const out: DocBullet[] = [];
  sec.lines.forEach((raw, i) => {
    const m = BULLET.exec(raw);
    if (m) {
      const markerMatch = MARKERS.exec(m[2]);
      out.push({
        name: m[1],
        markers: markerMatch ? markerMatch[1].split(',').map((s) => s.trim()) : [],
        text: markerMatch ? m[2].slice(markerMatch[0].length) : m[2],
        line: sec.start + i + 1,
      });
    } else if (/^\s{2,}\S/.test(raw) && out.length > 0) {
      out[out.length - 1].text += ` ${raw.trim()}`;
    } else if (/^\s*[*-] /.test(raw)) {
      throw new Error(`${path}:${sec.start + i + 1}: list item not in the form "* \`name\` - ...": ${raw}`);
    }
  });
  return out;
}

export function readRegistryDoc(relativePath: string): RegistryDoc {
  const path = join(DOCS_DIR, relativePath);
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n');
  const args = section(lines, 'Argument Reference');
  const attrs = section(lines, 'Attribute Reference');
  return {
    path,
    text,
    arguments: args && bullets(args, path),
    attributes: attrs && bullets(attrs, path),
  };
}

/** The bodies of fenced code blocks with the given info string (e.g. `hcl`, `sh`). */
export function codeBlocks(text: string, lang: string): string[] {
  const re = new RegExp('^```' + lang + '\\n([\\s\\S]*?)^```', 'gm');
  return [...text.matchAll(re)].map((m) => m[1]);
}
