/** SigV4: signed operations refuse unsigned calls; with credentials configured, signatures are verified. */
import { DescribeIdentityPoolCommand, GetIdCommand, ListIdentityPoolsCommand } from '@aws-sdk/client-cognito-identity';
import { startEmulator, type RunningEmulator } from '../../emulator/src';
import { LOCAL_CREDENTIALS } from '../../examples/demo/local-emulator';
import { clientFor, createPool, jsonHeaders, rawPost } from './helpers';

describe('without configured credentials', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(() => emulator.stop());

  test('an unsigned signed-operation is refused with MissingAuthenticationTokenException', async () => {
    const res = await rawPost(emulator.endpoint, JSON.stringify({ MaxResults: 10 }), jsonHeaders('ListIdentityPools'));
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ __type: 'MissingAuthenticationTokenException', message: 'Request is missing Authentication Token' });
    expect(emulator.stats().calls.ListIdentityPools).toBe(1);
    expect(emulator.stats().succeeded.ListIdentityPools).toBeUndefined();
  });

  test('a malformed Authorization header is IncompleteSignatureException', async () => {
    const res = await rawPost(emulator.endpoint, '{"MaxResults":10}', { ...jsonHeaders('ListIdentityPools'), Authorization: 'Bearer abc' });
    expect(res.json.__type).toBe('IncompleteSignatureException');
  });

  test('any SDK-signed call is accepted; GetId works unsigned', async () => {
    const client = clientFor(emulator, { credentials: { accessKeyId: 'whatever', secretAccessKey: 'anything' } });
    const poolId = await createPool(client);
    const res = await rawPost(emulator.endpoint, JSON.stringify({ IdentityPoolId: poolId }), jsonHeaders('GetId'));
    expect(res.status).toBe(200);
    expect(res.json.IdentityId).toBeDefined();
    client.destroy();
  });
});

describe('with configured credentials', () => {
  let emulator: RunningEmulator;
  const logLines: string[] = [];
  beforeAll(async () => {
    emulator = await startEmulator({ credentials: LOCAL_CREDENTIALS, log: (line) => logLines.push(line) });
  });
  afterAll(() => emulator.stop());

  test('the right secret is accepted', async () => {
    const client = clientFor(emulator);
    const poolId = await createPool(client);
    expect((await client.send(new DescribeIdentityPoolCommand({ IdentityPoolId: poolId }))).IdentityPoolId).toBe(poolId);
    client.destroy();
  });

  test('a wrong secret is InvalidSignatureException; an unknown key is UnrecognizedClientException', async () => {
    const wrongSecret = clientFor(emulator, { credentials: { accessKeyId: LOCAL_CREDENTIALS.accessKeyId, secretAccessKey: 'not-the-secret' } });
    await expect(wrongSecret.send(new ListIdentityPoolsCommand({ MaxResults: 5 }))).rejects.toMatchObject({
      name: 'InvalidSignatureException',
      $metadata: { httpStatusCode: 400 },
    });
    const unknownKey = clientFor(emulator, { credentials: { accessKeyId: 'AKIDUNKNOWN', secretAccessKey: LOCAL_CREDENTIALS.secretAccessKey } });
    await expect(unknownKey.send(new ListIdentityPoolsCommand({ MaxResults: 5 }))).rejects.toMatchObject({
      name: 'UnrecognizedClientException',
    });
    wrongSecret.destroy();
    unknownKey.destroy();
  });

  test('GetId needs no signature even here', async () => {
    const client = clientFor(emulator);
    const poolId = await createPool(client);
    const anonymous = clientFor(emulator, { credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });
    expect((await anonymous.send(new GetIdCommand({ IdentityPoolId: poolId }))).IdentityId).toBeDefined();
    client.destroy();
    anonymous.destroy();
  });

  test('a tampered body fails verification', async () => {
    // Sign a real request with the SDK, then replay its headers with a different body.
    const client = clientFor(emulator);
    let captured: Record<string, string> = {};
    client.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { headers: Record<string, string> };
        captured = { ...request.headers };
        return next(args);
      },
      { step: 'finalizeRequest', priority: 'low', name: 'capture' },
    );
    await client.send(new ListIdentityPoolsCommand({ MaxResults: 5 }));
    const headers = Object.fromEntries(Object.entries(captured).filter(([k]) => !['host', 'content-length'].includes(k.toLowerCase())));
    const replay = await rawPost(emulator.endpoint, JSON.stringify({ MaxResults: 6 }), headers);
    expect(replay.json.__type).toBe('InvalidSignatureException');
    const original = await rawPost(emulator.endpoint, JSON.stringify({ MaxResults: 5 }), headers);
    expect(original.status).toBe(200);
    client.destroy();
  });

  test('neither the secret nor the Authorization header reaches the log', () => {
    const log = logLines.join('\n');
    expect(log).not.toContain(LOCAL_CREDENTIALS.secretAccessKey);
    expect(log).not.toMatch(/Signature=|AWS4-HMAC-SHA256/);
    expect(logLines.length).toBeGreaterThan(0);
  });
});
