// hclog JSON lines: go-plugin panics on non-string @level/@message and only
// parses @timestamp with a 6-digit fraction; credentials never appear.

import { formatLogLine, HclogLogger, hclogTimestamp, levelFromEnv, redactText, registerSecret, REDACTED } from '../../../provider/src/plugin/logger';
import { first, only } from '../../support/lists';

function capture(level: Parameters<typeof levelFromEnv>[0]) {
  const lines: string[] = [];
  const log = new HclogLogger({ level: levelFromEnv(level), write: (l) => lines.push(l) });
  return { log, lines, parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('hclog format', () => {
  test('one JSON line with string @level/@message, module and microsecond timestamp', () => {
    const line = formatLogLine({
      level: 'debug',
      module: 'provider.cognitoidentity',
      message: 'hello',
      fields: { n: 1 },
      now: new Date('2006-01-02T15:04:05.123Z'),
    });
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toEqual({
      '@level': 'debug',
      '@message': 'hello',
      '@module': 'provider.cognitoidentity',
      '@timestamp': '2006-01-02T15:04:05.123000Z',
      n: 1,
    });
  });

  test('timestamp layout matches 2006-01-02T15:04:05.000000Z', () => {
    expect(hclogTimestamp(new Date(0))).toBe('1970-01-01T00:00:00.000000Z');
    expect(hclogTimestamp(new Date())).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
  });

  test('fields cannot overwrite the @ keys; bigint and errors serialise', () => {
    const parsed = JSON.parse(
      formatLogLine({ level: 'info', module: 'm', message: 'msg', fields: { '@level': 5, '@message': { x: 1 }, big: 2n ** 70n, err: new Error('bad') } }),
    ) as Record<string, unknown>;
    expect(parsed['@level']).toBe('info');
    expect(parsed['@message']).toBe('msg');
    expect(parsed.big).toBe('1180591620717411303424');
    expect(String(parsed.err)).toContain('Error: bad');
  });

  test('a newline in the message stays inside the one JSON line', () => {
    const { log, lines } = capture({ TF_LOG: 'INFO' });
    log.info('two\nlines');
    const line = only(lines, 'the log lines');
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
  });
});

describe('levels', () => {
  test.each([
    [{}, 'warn'],
    [{ TF_LOG: 'TRACE' }, 'trace'],
    [{ TF_LOG: 'json' }, 'trace'],
    [{ TF_LOG: 'DEBUG' }, 'debug'],
    [{ TF_LOG: 'info' }, 'info'],
    [{ TF_LOG: 'WARN' }, 'warn'],
    [{ TF_LOG: 'ERROR' }, 'error'],
    [{ TF_LOG: 'TRACE', TF_LOG_PROVIDER: 'ERROR' }, 'error'],
    [{ TF_LOG: 'nonsense' }, 'warn'],
  ])('%j → %s', (env, level) => {
    expect(levelFromEnv(env as NodeJS.ProcessEnv)).toBe(level);
  });

  test('below the level nothing is written', () => {
    const { log, parsed } = capture({});
    log.trace('t');
    log.debug('d');
    log.info('i');
    log.warn('w');
    log.error('e');
    expect(parsed().map((p) => p['@level'])).toEqual(['warn', 'error']);
  });
});

describe('redaction', () => {
  test('fields named like credentials are redacted at any depth', () => {
    const { log, parsed } = capture({ TF_LOG: 'DEBUG' });
    log.debug('config', {
      secret_key: 'abc',
      token: 'tok',
      nested: { Authorization: 'AWS4-HMAC-SHA256 Credential=x', password: 'pw', region: 'eu-west-1' },
      list: [{ access_key: 'AKIA' }],
    });
    const p = first(parsed(), 'the log lines');
    expect(p.secret_key).toBe(REDACTED);
    expect(p.token).toBe(REDACTED);
    expect(p.nested).toEqual({ Authorization: REDACTED, password: REDACTED, region: 'eu-west-1' });
    expect(p.list).toEqual([{ access_key: REDACTED }]);
  });

  test('registered secret values are redacted in messages, fields and errors', () => {
    registerSecret('S3cr3tValue/with+chars');
    registerSecret('');
    const { log, lines } = capture({ TF_LOG: 'DEBUG' });
    log.error('failed with S3cr3tValue/with+chars inside', {
      detail: 'x S3cr3tValue/with+chars y',
      error: new Error('boom S3cr3tValue/with+chars'),
    });
    expect(lines.join('')).not.toContain('S3cr3tValue');
    expect(lines.join('')).toContain(REDACTED);
    expect(redactText('a S3cr3tValue/with+chars b')).toBe(`a ${REDACTED} b`);
    // An empty registration must not redact everything.
    expect(redactText('plain')).toBe('plain');
  });
});
