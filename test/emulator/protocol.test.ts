/** The awsJson1_1 envelope: headers, error shapes, and bad requests that must not stop the server. */
import { GetIdCommand } from '@aws-sdk/client-cognito-identity';
import { createPool, jsonHeaders, rawPost, useEmulator } from './helpers';

const ctx = useEmulator({ maxBodyBytes: 64 * 1024 });

/** After each bad request the server must still answer a good one. */
async function stillServes(): Promise<void> {
  const client = ctx.client();
  const poolId = await createPool(client);
  const { IdentityId } = await client.send(new GetIdCommand({ IdentityPoolId: poolId }));
  expect(IdentityId).toBeDefined();
}

test('success responses carry the JSON content type and a request id', async () => {
  const poolId = await createPool(ctx.client());
  const res = await rawPost(ctx.emulator().endpoint, JSON.stringify({ IdentityPoolId: poolId }), jsonHeaders('GetId'));
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/x-amz-json-1.1');
  expect(res.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
  expect(res.json.IdentityId).toBeDefined();
});

test('errors carry __type, message, x-amzn-ErrorType with a trailing colon and x-amzn-ErrorMessage', async () => {
  const missing = 'us-east-1:00000000-0000-0000-0000-000000000000';
  const res = await rawPost(ctx.emulator().endpoint, JSON.stringify({ IdentityPoolId: missing }), jsonHeaders('GetId'));
  expect(res.status).toBe(400);
  expect(res.json).toEqual({ __type: 'ResourceNotFoundException', message: `IdentityPool '${missing}' not found.` });
  expect(res.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException:');
  expect(res.headers.get('x-amzn-errormessage')).toBe(`IdentityPool '${missing}' not found.`);
  expect(res.headers.get('x-amzn-requestid')).toBeTruthy();
});

test('malformed JSON is a SerializationException', async () => {
  const res = await rawPost(ctx.emulator().endpoint, '{"IdentityPoolId": ', jsonHeaders('GetId'));
  expect(res.status).toBe(400);
  expect(res.json.__type).toBe('SerializationException');
  const notObject = await rawPost(ctx.emulator().endpoint, '[1,2]', jsonHeaders('GetId'));
  expect(notObject.json.__type).toBe('SerializationException');
  await stillServes();
});

test('an unknown or missing target is UnknownOperationException', async () => {
  const unknown = await rawPost(ctx.emulator().endpoint, '{}', jsonHeaders('StealEverything'));
  expect(unknown.status).toBe(400);
  expect(unknown.json.__type).toBe('UnknownOperationException');
  const other = await rawPost(ctx.emulator().endpoint, '{}', { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'DynamoDB_20120810.ListTables' });
  expect(other.json.__type).toBe('UnknownOperationException');
  const none = await rawPost(ctx.emulator().endpoint, '{}', { 'Content-Type': 'application/x-amz-json-1.1' });
  expect(none.json).toMatchObject({ __type: 'UnknownOperationException', message: 'The X-Amz-Target header is missing.' });
  await stillServes();
});

test('a body over the cap is answered with 413 and the server keeps serving', async () => {
  const huge = JSON.stringify({ IdentityPoolId: 'x'.repeat(200 * 1024) });
  const res = await rawPost(ctx.emulator().endpoint, huge, jsonHeaders('GetId'));
  expect(res.status).toBe(413);
  expect(res.json.__type).toBe('RequestEntityTooLargeException');
  await stillServes();
});

test('the long X-Amz-Target form and the application/json content type of hand-written clients are served', async () => {
  const poolId = await createPool(ctx.client());
  const longTarget = 'com.amazonaws.cognito.identity.model.AWSCognitoIdentityService.GetId';
  for (const contentType of ['application/x-amz-json-1.1', 'application/json', 'application/json; charset=utf-8']) {
    const res = await rawPost(ctx.emulator().endpoint, JSON.stringify({ IdentityPoolId: poolId }), { 'Content-Type': contentType, 'X-Amz-Target': longTarget });
    expect({ contentType, status: res.status }).toEqual({ contentType, status: 200 });
    expect(res.json.IdentityId).toMatch(/^us-east-1:/);
  }
  const shortJson = await rawPost(ctx.emulator().endpoint, JSON.stringify({ IdentityPoolId: poolId }), {
    'Content-Type': 'application/json',
    'X-Amz-Target': 'AWSCognitoIdentityService.GetId',
  });
  expect(shortJson.status).toBe(200);
  const wrongLong = await rawPost(ctx.emulator().endpoint, '{}', {
    'Content-Type': 'application/json',
    'X-Amz-Target': 'com.amazonaws.cognito.identity.model.AWSCognitoIdentityService.Nope',
  });
  expect(wrongLong.json.__type).toBe('UnknownOperationException');
});

test('a wrong content type is refused', async () => {
  const res = await rawPost(ctx.emulator().endpoint, '{}', { 'Content-Type': 'text/plain', 'X-Amz-Target': 'AWSCognitoIdentityService.GetId' });
  expect(res.status).toBe(400);
  expect(res.json).toMatchObject({ __type: 'UnknownOperationException', message: expect.stringContaining("'text/plain'") });
  await stillServes();
});

test('other methods and paths get a JSON 404', async () => {
  const get = await rawPost(ctx.emulator().endpoint, '', {}, '/', 'GET');
  expect(get.status).toBe(404);
  expect(get.json.__type).toBe('NotFoundException');
  const elsewhere = await rawPost(ctx.emulator().endpoint, '{}', jsonHeaders('GetId'), '/somewhere');
  expect(elsewhere.status).toBe(404);
  await stillServes();
});

test('random bytes never break the server', async () => {
  const endpoint = ctx.emulator().endpoint;
  let seed = 7;
  const next = (): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed;
  };
  for (let i = 0; i < 50; i += 1) {
    const bytes = Buffer.from(Array.from({ length: next() % 300 }, () => next() % 256));
    const res = await rawPost(endpoint, bytes, jsonHeaders(i % 2 === 0 ? 'GetId' : 'MergeDeveloperIdentities'));
    expect(res.status).toBe(400);
    expect(typeof res.json.__type).toBe('string');
  }
  await stillServes();
});

test('"__proto__" keys are ordinary keys, not a way to break the server', async () => {
  const client = ctx.client();
  const poolId = await createPool(client, { SupportedLoginProviders: JSON.parse('{"__proto__":"x"}') as Record<string, string> });
  const body = `{"IdentityPoolId":"${poolId}","Logins":{"__proto__":"tok"}}`;
  const first = await rawPost(ctx.emulator().endpoint, body, jsonHeaders('GetId'));
  expect(first.status).toBe(200);
  const again = await rawPost(ctx.emulator().endpoint, body, jsonHeaders('GetId'));
  expect(again.json.IdentityId).toBe(first.json.IdentityId);
  await stillServes();
});
