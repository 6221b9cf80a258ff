// jest globalSetup / globalTeardown: every temp dir of a test run (Terraform
// working dirs, mirrors, cdktf outdirs, emulator state, the provider's
// sockets) goes under one run directory, because os.tmpdir() follows TMPDIR
// and every child process inherits it. Teardown removes the directory in the
// jest parent process, so it goes away even when jest kills a worker. Set
// KEEP_TEST_TMP=1 to keep it for inspection. Run directories left behind by a
// run that was itself killed are removed by the next run.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const PREFIX = 'cognitoidentity-test-run-';

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/**
 * Process groups a test started detached (an emulator a README runs in the
 * background, say) record themselves under the run directory
 * (test/support/process.ts); whatever is still running of them is killed, so
 * a test that timed out or a killed worker leaves no process behind.
 */
function killRecordedGroups(runDir) {
  const groups = path.join(runDir, 'process-groups');
  if (!fs.existsSync(groups)) return;
  for (const name of fs.readdirSync(groups)) {
    const pgid = Number(name);
    if (!Number.isInteger(pgid) || pgid <= 1) continue;
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

function setup() {
  const base = os.tmpdir();
  for (const name of fs.readdirSync(base)) {
    const pid = Number(name.startsWith(PREFIX) ? name.slice(PREFIX.length).split('-')[0] : NaN);
    if (!Number.isInteger(pid) || alive(pid)) continue;
    killRecordedGroups(path.join(base, name));
    fs.rmSync(path.join(base, name), { recursive: true, force: true });
  }
  const dir = fs.mkdtempSync(path.join(base, `${PREFIX}${process.pid}-`));
  process.env.COGNITOIDENTITY_TEST_TMP = dir;
  process.env.TMPDIR = dir;
}

function teardown() {
  const dir = process.env.COGNITOIDENTITY_TEST_TMP;
  if (!dir) return;
  killRecordedGroups(dir);
  if (process.env.KEEP_TEST_TMP === '1') {
    process.stdout.write(`\nTest temp files kept in ${dir}\n`);
    return;
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

module.exports = { setup, teardown, killRecordedGroups };
