// Reads the registry-style docs under docs/: the `## Argument Reference` and
// `## Attribute Reference` bullet lists (`* \`name\` - (Required) text`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { firstGroups, required } from '../support/lists';

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
    const previous = out.at(-1);
    if (m) {
      const body = required(m[2], `the text of bullet "${raw}"`);
      const markerMatch = MARKERS.exec(body);
      out.push({
        name: required(m[1], `the name of bullet "${raw}"`),
        markers: markerMatch
          ? required(markerMatch[1], `the markers of bullet "${raw}"`)
              .split(',')
              .map((s) => s.trim())
          : [],
        text: markerMatch ? body.slice(markerMatch[0].length) : body,
        line: sec.start + i + 1,
      });
    } else if (/^\s{2,}\S/.test(raw) && previous) {
      previous.text += ` ${raw.trim()}`;
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
  return firstGroups(text, re);
}
