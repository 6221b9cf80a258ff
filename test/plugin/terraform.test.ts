// The real thing: Terraform 1.11 launching the provider from a filesystem
// mirror filled by installProvider, over AutoMTLS and tfplugin6.

import * as path from 'node:path';
import { PROVIDER_MAIN } from '../support/paths';
import { installProvider } from '../../provider/src/install';
import { newCase, expectNoCrash } from '../support/e2e';
import { startTestEmulator, type TestEmulator } from '../support/emulator';
import { mergeOf, mergeResource } from '../support/provider-hcl';
import { expectExit, TerraformWorkspace } from '../support/terraform';
import { ECHO_PROVIDER, requireBuilt } from './fixtures/plugin-client';
import { required } from '../support/lists';

const HEADER = `terraform {
  required_providers {
    cognitoidentity = {
      source  = "terraform.local/cognito/cognitoidentity"
      version = "0.1.0"
    }
  }
}
`;

/** A workspace whose mirror holds a launcher for `entryPoint`, placed by installProvider. */
function workspace(name: string, entryPoint?: string, env: NodeJS.ProcessEnv = {}): TerraformWorkspace {
  return TerraformWorkspace.create(name, {
    ourMirror: (dir) => {
      const mirrorDir = path.join(dir, 'mirror');
      const installed = installProvider({ mirrorDir, entryPoint });
      expect(installed.sourceAddress).toBe('terraform.local/cognito/cognitoidentity');
      return mirrorDir;
    },
    env,
  });
}

interface SchemaJson {
  provider_schemas: Record<string, { resource_schemas?: Record<string, unknown>; data_source_schemas?: Record<string, unknown> }>;
}

describe('Terraform with the echo test provider', () => {
  let ws: TerraformWorkspace;

  beforeAll(async () => {
    requireBuilt(ECHO_PROVIDER);
    ws = workspace('plugin-echo', ECHO_PROVIDER);
    ws.write(
      'main.tf',
      `${HEADER}
provider "cognitoidentity" {
  prefix   = "p-"
  password = "Echo-Secret-Value-42"
}

variable "input" {
  type    = string
  default = "hello"
}

resource "cognitoidentity_echo" "a" {
  input = var.input
  tags  = { team = "plugin" }
}

data "cognitoidentity_clock" "c" {}

output "out" {
  value = cognitoidentity_echo.a.output
}
`,
    );
    expectExit(await ws.init(), 0, 'terraform init');
  });

  afterAll(() => ws?.cleanup());

  test('providers schema -json shows our types', async () => {
    const r = expectExit(await ws.run(['providers', 'schema', '-json']), 0, 'terraform providers schema -json');
    const schema = required((JSON.parse(r.stdout) as SchemaJson).provider_schemas['terraform.local/cognito/cognitoidentity'], 'the provider schema');
    expect(Object.keys(schema.resource_schemas ?? {})).toEqual(['cognitoidentity_echo']);
    expect(Object.keys(schema.data_source_schemas ?? {})).toEqual(['cognitoidentity_clock']);
  });

  test('validate passes, and a validation error names the attribute', async () => {
    expectExit(await ws.run(['validate', '-no-color']), 0, 'terraform validate');
    const bad = await ws.plan('-var', 'input=');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Invalid input');
    expect(bad.stderr).toContain('input must not be empty');
    expectNoCrash(bad);
  });

  test('apply, a clean re-plan, then destroy; the provider exits gracefully', async () => {
    const applied = expectExit(await ws.apply(), 0, 'terraform apply');
    expect(applied.stdout).toContain('out = "p-hello"');
    const replan = await ws.plan('-detailed-exitcode');
    expect(replan.code).toBe(0);
    expect(replan.stdout).toContain('No changes.');
    const destroyed = expectExit(await ws.destroy(), 0, 'terraform destroy');
    expect(destroyed.stdout).toContain('Destroy complete! Resources: 1 destroyed.');
    for (const r of [applied, replan, destroyed]) expectNoCrash(r);
  });

  test('an exception in the provider is an error for the user, not a crash', async () => {
    const r = await ws.apply('-var', 'input=boom');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Internal error in provider: exploded while applying boom');
    expect(r.stderr).not.toMatch(/Plugin did not respond|panic:/);
  });

  test('with TF_LOG=trace: hclog lines are parsed, Shutdown is graceful, the secret is nowhere', async () => {
    const r = await ws.plan('-refresh=false', '-var', 'input=logged');
    const traced = await ws.run(['plan', '-no-color', '-input=false'], { TF_LOG: 'trace' });
    expect(r.code).toBe(0);
    expect(traced.code).toBe(0);
    // go-plugin re-logs our JSON lines under the plugin's name with their level.
    expect(traced.stderr).toMatch(/\[DEBUG\] provider\.terraform-provider-cognitoidentity_v0\.1\.0: serving: .*tls=true/);
    expect(traced.stderr).toContain('provider: using plugin: version=6');
    expect(traced.stderr).not.toContain('plugin failed to exit gracefully');
    expect(traced.stderr).not.toContain('Unrecognized remote plugin message');
    expect(traced.stdout + traced.stderr).not.toContain('Echo-Secret-Value-42');
  });
});

describe('Terraform with the Cognito provider', () => {
  test('init, providers schema -json and validate', async () => {
    const ws = workspace('plugin-cognito');
    ws.write(
      'main.tf',
      `${HEADER}
provider "cognitoidentity" {
  region = "us-east-1"
}

resource "cognitoidentity_merged_identity" "m" {
  identity_pool_id            = "us-east-1:00000000-0000-0000-0000-000000000000"
  developer_provider_name     = "login.example"
  source_user_identifier      = "alice"
  destination_user_identifier = "bob"
}
`,
    );
    expectExit(await ws.init(), 0, 'terraform init');
    const r = expectExit(await ws.run(['providers', 'schema', '-json']), 0, 'terraform providers schema -json');
    const schema = required((JSON.parse(r.stdout) as SchemaJson).provider_schemas['terraform.local/cognito/cognitoidentity'], 'the provider schema');
    expect(Object.keys(schema.resource_schemas ?? {})).toContain('cognitoidentity_merged_identity');
    expect(Object.keys(schema.data_source_schemas ?? {})).toContain('cognitoidentity_developer_identity');
    const v = await ws.run(['validate', '-no-color']);
    expect(v.stdout + v.stderr).toContain('The configuration is valid.');
    expectExit(v, 0, 'terraform validate');
    ws.cleanup();
  });

  describe('against the emulator', () => {
    let emulator: TestEmulator;
    beforeAll(async () => {
      emulator = await startTestEmulator();
    });
    afterAll(async () => emulator?.stop());

    test('terraform plan of a merge', async () => {
      const c = await newCase(emulator, 'plugin-cognito-plan', 2, {
        ourMirror: (dir) => {
          const mirrorDir = path.join(dir, 'mirror');
          installProvider({ mirrorDir });
          return mirrorDir;
        },
      });
      c.configure(mergeResource('m', mergeOf(c.pool, c.pool.users[0], c.pool.users[1])));
      const plan = await c.ws.plan();
      expectNoCrash(plan);
      expectExit(plan, 0, 'terraform plan');
      expect(plan.stdout).toContain('Plan: 1 to add, 0 to change, 0 to destroy.');
      c.ws.cleanup();
    });
  });
});

test('the repository layout the launchers expect', () => {
  requireBuilt(PROVIDER_MAIN);
});
