// Shared setup for the provider's end-to-end tests: a fresh pool in the
// file's emulator and an initialised Terraform working dir pointed at it.

import { expectExit, TerraformWorkspace, type WorkspaceOptions } from './terraform';
import { createPoolWithUsers, type TestEmulator, type TestPool, type TestPoolOf } from './emulator';
import { providerBlock, type ProviderSettings } from './provider-hcl';
import type { ProcessResult } from './process';

export interface E2eCase {
  ws: TerraformWorkspace;
  pool: TestPool;
  /** Replaces main.tf with the provider block followed by `body`. */
  configure(body: string, provider?: Partial<ProviderSettings>): void;
}

/** A case whose pool users are a tuple of N when N is a literal (TestPoolOf). */
export type E2eCaseOf<N extends number> = Omit<E2eCase, 'pool'> & { pool: TestPoolOf<N> };

export async function newCase<N extends number>(env: TestEmulator, name: string, userCount: N, options: WorkspaceOptions = {}): Promise<E2eCaseOf<N>> {
  const pool = await createPoolWithUsers(env.client, userCount);
  const ws = TerraformWorkspace.create(name, options);
  const configure = (body: string, provider: Partial<ProviderSettings> = {}): void => {
    ws.write('main.tf', providerBlock({ endpoint: env.emulator.endpoint, ...provider }) + '\n' + body);
  };
  configure('');
  expectExit(await ws.init(), 0, 'terraform init');
  return { ws, pool, configure };
}

/**
 * Text that only a crash prints: a JS stack frame, a Go panic, or a gRPC transport failure. With
 * `logged` (TF_LOG or TF_LOG_PROVIDER set), "plugin exited" is not one: Terraform then logs every normal exit.
 */
export function expectNoCrash(r: Pick<ProcessResult, 'stdout' | 'stderr'>, options: { logged?: boolean } = {}): void {
  const all = r.stdout + r.stderr;
  expect(all).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(all).not.toMatch(/panic:|Plugin did not respond|rpc error: code = Unavailable/);
  if (options.logged !== true) expect(all).not.toMatch(/plugin exited/);
}
