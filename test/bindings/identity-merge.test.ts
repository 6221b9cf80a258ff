// IdentityMerge: validation at construction, the depends_on chain, and
// construct ids that stay put when the source list is reordered.
import { TerraformOutput, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import type { Construct } from 'constructs';
import { IdentityMerge, IdentityMergeError, MAX_LINKED_LOGINS, mergeConstructId, type IdentityMergeProps, type OnDestroy } from '../../bindings';

const POOL = 'us-east-1:8a2b3c4d-1111-2222-3333-444455556666';

type Block = Record<string, unknown> & { depends_on?: string[]; source_user_identifier?: string };
type Synth = { resource: { cognitoidentity_merged_identity: Record<string, Block> }; output?: Record<string, { value: unknown }> };

function props(sources: string[], extra: Partial<IdentityMergeProps> = {}): IdentityMergeProps {
  return {
    identityPoolId: POOL,
    developerProviderName: 'login.example.app',
    destinationUserIdentifier: 'primary',
    sourceUserIdentifiers: sources,
    ...extra,
  };
}

function build(p: IdentityMergeProps, define?: (scope: Construct) => void): () => IdentityMerge {
  return () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    define?.(stack);
    return new IdentityMerge(stack, 'merge', p);
  };
}

function synth(sources: string[]): Synth {
  return JSON.parse(Testing.synthScope((s) => new IdentityMerge(s, 'merge', props(sources)))) as Synth;
}

/** Terraform address → source identifier, following depends_on from the head of the chain. */
function chainOrder(out: Synth): string[] {
  const blocks = out.resource.cognitoidentity_merged_identity;
  const byAddress = new Map(Object.entries(blocks).map(([name, b]) => [`cognitoidentity_merged_identity.${name}`, b]));
  const heads = [...byAddress].filter(([, b]) => b.depends_on === undefined);
  expect(heads).toHaveLength(1);
  const order: string[] = [];
  let current: [string, Block] | undefined = heads[0];
  while (current) {
    const [address, block]: [string, Block] = current;
    order.push(block.source_user_identifier as string);
    const next: [string, Block][] = [...byAddress].filter(([, b]) => b.depends_on?.includes(address));
    expect(next.length).toBeLessThanOrEqual(1);
    current = next[0];
  }
  expect(order).toHaveLength(byAddress.size);
  return order;
}

describe('IdentityMerge validation', () => {
  test('rejects an empty source list', () => {
    expect(build(props([]))).toThrow(IdentityMergeError);
    expect(build(props([]))).toThrow("IdentityMerge 'stack/merge': sourceUserIdentifiers is empty");
  });

  test(`rejects more than ${MAX_LINKED_LOGINS} linked logins (20 sources + the destination = 21)`, () => {
    const sources = Array.from({ length: 20 }, (_, i) => `user-${i}`);
    expect(build(props(sources))).toThrow(/would link 21 logins; Cognito allows at most 20 per identity/);
  });

  test('accepts exactly 20 linked logins (19 sources + the destination)', () => {
    const sources = Array.from({ length: 19 }, (_, i) => `user-${i}`);
    expect(build(props(sources))().merges).toHaveLength(19);
  });

  test('with countDeveloperIdsAsLinkedLogins: false, 50 sources synthesize and the limit is left to Cognito', () => {
    const sources = Array.from({ length: 50 }, (_, i) => `user-${i}`);
    expect(build(props(sources, { countDeveloperIdsAsLinkedLogins: false }))().merges).toHaveLength(50);
  });

  test('counts existingLinkedLogins', () => {
    const sources = Array.from({ length: 16 }, (_, i) => `user-${i}`);
    expect(build(props(sources, { existingLinkedLogins: 5 }))).toThrow(/16 source\(s\) into an identity with 5 linked login\(s\) would link 21/);
    expect(build(props(sources, { existingLinkedLogins: 4 }))().merges).toHaveLength(16);
  });

  test('rejects a nonsensical existingLinkedLogins', () => {
    expect(build(props(['a'], { existingLinkedLogins: 0 }))).toThrow(/existingLinkedLogins must be a whole number of at least 1/);
    expect(build(props(['a'], { existingLinkedLogins: 1.5 }))).toThrow(/existingLinkedLogins/);
  });

  test('rejects a repeated source, naming its position', () => {
    expect(build(props(['a', 'b', 'a']))).toThrow("sourceUserIdentifiers[2] 'a' is listed more than once");
  });

  test('rejects a source equal to the destination', () => {
    expect(build(props(['a', 'primary']))).toThrow("sourceUserIdentifiers[1] 'primary' is the destination user");
  });

  test('rejects an onDestroy other than warn or error (from JavaScript, which the type cannot stop)', () => {
    const fromJavaScript = JSON.parse('"keep"') as OnDestroy;
    expect(build(props(['a'], { onDestroy: fromJavaScript }))).toThrow("onDestroy must be 'warn' or 'error', got 'keep'.");
    expect(build(props(['a'], { onDestroy: 'error' }))().merges).toHaveLength(1);
  });

  test('rejects an empty identifier', () => {
    expect(build(props(['a', '']))).toThrow('sourceUserIdentifiers[1] is empty');
  });

  test('rejects a list token: one resource per source needs a concrete list', () => {
    let sources: string[] = [];
    const define = (scope: Construct): void => {
      sources = new TerraformVariable(scope, 'sources', { type: 'list(string)' }).listValue;
    };
    const make = (): IdentityMerge => {
      const stack = new TerraformStack(Testing.app(), 'stack');
      define(stack);
      return new IdentityMerge(stack, 'merge', props(sources));
    };
    expect(make).toThrow(/sourceUserIdentifiers must be a concrete array/);
  });

  test('skips the value checks for tokens, which are only known at apply', () => {
    const out = JSON.parse(
      Testing.synthScope((s) => {
        const destination = new TerraformVariable(s, 'destination', { type: 'string' }).stringValue;
        const other = new TerraformVariable(s, 'other', { type: 'string' }).stringValue;
        // Both could turn out equal to the destination or to each other; the provider's plan checks that.
        new IdentityMerge(s, 'merge', props(['a', other, destination], { destinationUserIdentifier: destination }));
      }),
    ) as Synth;
    expect(chainOrder(out)).toEqual(['a', '${var.other}', '${var.destination}']);
  });
});

describe('IdentityMerge chain', () => {
  test('one merge per source, chained with depends_on in list order', () => {
    const out = synth(['s1', 's2', 's3', 's4']);
    expect(chainOrder(out)).toEqual(['s1', 's2', 's3', 's4']);
    for (const block of Object.values(out.resource.cognitoidentity_merged_identity)) {
      expect(block).toMatchObject({ identity_pool_id: POOL, destination_user_identifier: 'primary', developer_provider_name: 'login.example.app' });
      expect((block.depends_on ?? []).length).toBeLessThanOrEqual(1);
    }
  });

  test('the first merge waits for the given dependsOn', () => {
    const out = JSON.parse(
      Testing.synthScope((s) => {
        const first = new IdentityMerge(s, 'first', props(['x']));
        new IdentityMerge(s, 'merge', props(['a', 'b'], { dependsOn: [first.lastMerge] }));
      }),
    ) as Synth;
    const blocks = Object.entries(out.resource.cognitoidentity_merged_identity);
    const a = blocks.find(([, b]) => b.source_user_identifier === 'a');
    const x = blocks.find(([, b]) => b.source_user_identifier === 'x');
    expect(a?.[1].depends_on).toEqual([`cognitoidentity_merged_identity.${x?.[0]}`]);
  });

  test('identityId and developerUserIdentifiers read from the last merge of the chain', () => {
    const out = JSON.parse(
      Testing.synthScope((s) => {
        const merge = new IdentityMerge(s, 'merge', props(['a', 'b']));
        new TerraformOutput(s, 'id', { value: merge.identityId });
        new TerraformOutput(s, 'ids', { value: merge.developerUserIdentifiers });
      }),
    ) as Synth;
    const last = Object.entries(out.resource.cognitoidentity_merged_identity).find(([, b]) => b.source_user_identifier === 'b')?.[0];
    expect(out.output?.id?.value).toBe(`\${cognitoidentity_merged_identity.${last}.identity_id}`);
    expect(out.output?.ids?.value).toBe(`\${cognitoidentity_merged_identity.${last}.developer_user_identifiers}`);
  });
});

describe('construct ids', () => {
  test('are the same whatever the order of the sources; only depends_on changes', () => {
    const forward = synth(['alice', 'bob', 'carol']);
    const shuffled = synth(['carol', 'alice', 'bob']);
    const addresses = (o: Synth): string[] => Object.keys(o.resource.cognitoidentity_merged_identity).sort();
    expect(addresses(shuffled)).toEqual(addresses(forward));
    expect(chainOrder(shuffled)).toEqual(['carol', 'alice', 'bob']);
  });

  test('stay distinct when sanitizing maps identifiers to the same text', () => {
    expect(mergeConstructId('a b')).not.toBe(mergeConstructId('a_b'));
    expect(Object.keys(synth(['a b', 'a_b', 'a.b']).resource.cognitoidentity_merged_identity)).toHaveLength(3);
  });

  test('are valid Terraform names for any identifier', () => {
    for (const source of ['a/b', 'x:y,z', 'ünïcödé', '${not.an.expression}', 'x'.repeat(1024), '-leading']) {
      const id = mergeConstructId(source);
      expect(id).toMatch(/^[A-Za-z][A-Za-z0-9_-]*$/);
      expect(id.length).toBeLessThanOrEqual(60);
    }
  });
});

describe('IdentityMerge follows "What a merge moves": a fan-in, never a chain', () => {
  function stackWith(...merges: [string, IdentityMergeProps][]): () => void {
    return () => {
      const app = Testing.app();
      const stack = new TerraformStack(app, 'stack');
      for (const [id, p] of merges) new IdentityMerge(stack, id, p);
      app.synth();
    };
  }

  test('a destination that is the source of another IdentityMerge fails synth with the fan-in to write', () => {
    const run = stackWith(['ab', props(['a'], { destinationUserIdentifier: 'b' })], ['bc', props(['b'], { destinationUserIdentifier: 'c' })]);
    expect(run).toThrow(/destination 'b' is a source of IdentityMerge 'stack\/bc'.*Merge every source straight into 'c' instead \(a fan-in\)/s);
  });

  test('a source in two IdentityMerges fails synth', () => {
    const run = stackWith(['one', props(['s'], { destinationUserIdentifier: 'd1' })], ['two', props(['s'], { destinationUserIdentifier: 'd2' })]);
    expect(run).toThrow(/source 's' is also a source of IdentityMerge 'stack\/two'/);
  });

  test('the fan-in synthesizes, passing the consent to every merge', () => {
    const out = JSON.parse(
      Testing.synthScope((s) => new IdentityMerge(s, 'merge', props(['a', 'b'], { destinationUserIdentifier: 'c', allowMovingUnnamedLogins: true }))),
    ) as Synth;
    const blocks = Object.values(out.resource.cognitoidentity_merged_identity);
    expect(blocks.map((b) => b.allow_moving_unnamed_logins)).toEqual([true, true]);
  });
});
