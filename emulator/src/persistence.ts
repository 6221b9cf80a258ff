/**
 * The state file: loaded once at start, rewritten atomically (write-file-atomic: temp file +
 * rename) shortly after each mutation. flush() waits for everything pending; stop() uses it.
 */
import { readFile } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';
import type { StateSnapshot } from './store';
import { isJsonObject } from './validation';

/** Mutations within this window share one write. */
const DEBOUNCE_MS = 25;

export class StateFileError extends Error {}

/** Reads the state file; undefined when it does not exist. A file that cannot be used throws. */
export async function loadStateFile(file: string): Promise<StateSnapshot | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StateFileError(`Cannot read state file '${file}': ${(err as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new StateFileError(`State file '${file}' is not valid JSON (${(err as Error).message}); fix or remove it. It was left untouched.`);
  }
  if (!isJsonObject(parsed) || parsed.version !== 1 || !Array.isArray(parsed.pools) || !Array.isArray(parsed.identities)) {
    throw new StateFileError(
      `State file '${file}' is not an emulator state file (expected {"version":1,"pools":[...],"identities":[...]}); it was left untouched.`,
    );
  }
  const badRecord = findBadRecord(parsed.pools, parsed.identities);
  if (badRecord) throw new StateFileError(`State file '${file}' is damaged: ${badRecord}; it was left untouched.`);
  return parsed as unknown as StateSnapshot;
}

/** A description of the first record that lacks what the store relies on, if any. */
function findBadRecord(pools: unknown[], identities: unknown[]): string | undefined {
  const badPool = pools.findIndex(
    (p) =>
      !isJsonObject(p) ||
      typeof p.IdentityPoolId !== 'string' ||
      typeof p.IdentityPoolName !== 'string' ||
      !isJsonObject(p.tags) ||
      !isJsonObject(p.roles) ||
      !isJsonObject(p.roleMappings),
  );
  if (badPool >= 0) return `pools[${badPool}] is not a pool record`;
  const badIdentity = identities.findIndex(
    (i) =>
      !isJsonObject(i) ||
      typeof i.identityId !== 'string' ||
      typeof i.poolId !== 'string' ||
      typeof i.created !== 'number' ||
      typeof i.lastModified !== 'number' ||
      typeof i.disabled !== 'boolean' ||
      !isJsonObject(i.logins) ||
      !Array.isArray(i.developerUserIds),
  );
  if (badIdentity >= 0) return `identities[${badIdentity}] is not an identity record`;
  return undefined;
}

export class StateWriter {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private lastError: Error | undefined;

  constructor(
    private readonly file: string,
    private readonly snapshot: () => StateSnapshot,
    private readonly log: (line: string) => void,
  ) {}

  /** Schedules a write of the current state. */
  markDirty(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.write();
    }, DEBOUNCE_MS);
  }

  private write(): void {
    const data = JSON.stringify(this.snapshot(), null, 1);
    this.writing = this.writing.then(() =>
      writeFileAtomic(this.file, data, { mode: 0o600 }).then(
        () => {
          this.lastError = undefined;
        },
        (err: Error) => {
          this.lastError = err;
          this.log(`state: cannot write '${this.file}': ${err.message}`);
        },
      ),
    );
  }

  /** Writes now if a write is pending, and waits for all writes; rejects if the last one failed. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.write();
    }
    await this.writing;
    if (this.lastError) throw new StateFileError(`Cannot write state file '${this.file}': ${this.lastError.message}`);
  }
}
