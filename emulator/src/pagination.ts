/**
 * Opaque NextToken values: base64url of {scope, offset}. The scope ties a token to the query
 * it came from (a pool, an identity), so a token replayed elsewhere is refused.
 */
import { invalidParameter } from './errors';
import { isJsonObject } from './validation';

const DEFAULT_PAGE_SIZE = 60;

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

function encode(scope: string, offset: number): string {
  return Buffer.from(JSON.stringify({ s: scope, o: offset })).toString('base64url');
}

function decode(token: string, scope: string): number {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (!isJsonObject(parsed) || parsed.s !== scope || typeof parsed.o !== 'number' || !Number.isInteger(parsed.o) || parsed.o < 0) {
    throw invalidParameter('The NextToken is invalid or does not belong to this request.');
  }
  return parsed.o;
}

export function paginate<T>(all: T[], scope: string, maxResults: number | undefined, nextToken: string | undefined): Page<T> {
  const start = nextToken === undefined ? 0 : decode(nextToken, scope);
  const size = maxResults ?? DEFAULT_PAGE_SIZE;
  const items = all.slice(start, start + size);
  const end = start + items.length;
  return end < all.length ? { items, nextToken: encode(scope, end) } : { items };
}
