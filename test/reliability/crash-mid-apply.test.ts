// Crashes between MergeDeveloperIdentities and the read-back of its result:
// the merge is done in Cognito but Terraform never recorded it. The next
// apply must adopt the existing merge instead of merging again.
//
// The window is opened with emulator latency on LookupDeveloperIdentity (the
// read-back call); the test waits until the emulator has committed the merge
// and then SIGKILLs either the provider or terraform itself.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { lookupUser, startTestEmulator, type TestEmulator } from '../support/emulator';
import { expectNoCrash, newCase } from '../support/e2e';
import { mergeOf, mergeResource } from '../support/provider-hcl';
import { isProvider, providerPids, until } from '../support/reliability-process';
import type { ChildProcess } from 'node:child_process';
import { describeResult } from '../support/process';
import { expectExit, type StateFile } from '../support/terraform';
import { first } from '../support/lists';

// Long enough that the kill lands while the read-back is still waiting; not a pass criterion. It also
// slows the reads apply checks before merging, so it stays under the 5 s bound on their age
// (merged-identity-merge.ts), past which apply would refuse to merge at all.
const READ_BACK_LATENCY_MS = 2000;

let env: TestEmulator;
// What a failed test may leave running: terraform by its handle, providers by pid (checked again before
// the kill, since a pid that has exited may by then name another test's process).
const started: { terraform: ChildProcess[]; providers: number[] } = { terraform: [], providers: [] };

beforeAll(async () => {
  env = await startTestEmulator();
});

afterEach(() => {
  env.emulator.setFaults({});
  // Leave no process of ours behind if a test failed midway.
  for (const child of started.terraform.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const pid of started.providers.splice(0)) if (isProvider(pid)) process.kill(pid, 'SIGKILL');
});

afterAll(async () => {
  await env?.stop();
});

test.each(['provider', 'terraform'] as const)(
  'SIGKILL of the %s after the merge, before its read-back: the next apply adopts the merge',
  async (victim) => {
    const { ws, pool, configure } = await newCase(env, `crash-${victim}`, 2);
    const [src, dst] = pool.users;
    configure(mergeResource('m', mergeOf(pool, src, dst)));
    const merges = env.emulator.stats().merges;
    env.emulator.setFaults({ latencyMs: { LookupDeveloperIdentity: READ_BACK_LATENCY_MS } });

    const running = ws.start(['apply', '-no-color', '-input=false', '-auto-approve']);
    const terraformPid = running.child.pid;
    if (terraformPid === undefined) throw new Error('terraform did not start');
    started.terraform.push(running.child);
    let exited = false;
    void running.done.then(() => (exited = true));

    // The merge is committed; the provider is now waiting for the slow read-back.
    await until(() => env.emulator.stats().merges > merges || exited, 'the merge to reach the emulator');
    if (exited) throw new Error(`terraform exited before merging\n${describeResult('terraform apply', await running.done)}`);

    const providers = providerPids(terraformPid);
    expect(providers.length).toBeGreaterThan(0);
    started.providers.push(...providers);
    if (victim === 'provider') {
      for (const pid of providers) process.kill(pid, 'SIGKILL');
      const r = await running.done;
      // Terraform survives its plugin's death and reports the failure.
      expect(r.signal).toBeNull();
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/Error/);
    } else {
      process.kill(terraformPid, 'SIGKILL');
      const r = await running.done;
      expect(r.signal).toBe('SIGKILL');
      // The orphaned provider notices and exits by itself (bounded wait, not a timing check).
      await until(() => providers.every((pid) => !isProvider(pid)), 'the orphaned provider to exit');
    }
    expect(env.emulator.stats().merges - merges).toBe(1);

    // The crash came before Terraform could record the resource. (Terraform creates
    // terraform.tfstate empty when it takes the lock, so a killed first apply leaves 0 bytes.)
    const stateFile = path.join(ws.dir, 'terraform.tfstate');
    const stateText = fs.existsSync(stateFile) ? fs.readFileSync(stateFile, 'utf8') : '';
    const recorded = stateText.trim() === '' ? [] : (JSON.parse(stateText) as StateFile).resources;
    expect(recorded).toEqual([]);

    // A plain re-run (normal locking, no -lock=false) adopts the merge.
    env.emulator.setFaults({});
    const again = await ws.apply();
    expectNoCrash(again);
    expectExit(again, 0, `terraform apply after the ${victim} was killed`);
    expect(again.stdout).toMatch(/1 added, 0 changed, 0 destroyed/);
    expect(env.emulator.stats().merges - merges).toBe(1);

    const res = first(await ws.resources(), 'the resources in state');
    expect(res.address).toBe('cognitoidentity_merged_identity.m');
    expect(res.values.identity_id).toBe(dst.identityId);
    expect(res.values.developer_user_identifiers).toEqual(expect.arrayContaining([src.userId, dst.userId]));
    expect((await lookupUser(env.client, pool.poolId, src.userId)).identityId).toBe(dst.identityId);
    expectExit(await ws.plan('-detailed-exitcode'), 0, 'terraform plan after adopting the merge');
    ws.cleanup();
  },
  // A hang guard (several Terraform runs with a slowed lookup on a loaded machine); not a pass criterion.
  400_000,
);
