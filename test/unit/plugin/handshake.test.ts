import { checkMagicCookie, formatHandshakeLine, HandshakeError, MAGIC_COOKIE_VALUE, negotiateProtocolVersion } from '../../../provider/src/plugin/handshake';

describe('handshake', () => {
  test('the cookie must match exactly', () => {
    expect(() => checkMagicCookie({ TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE_VALUE })).not.toThrow();
    expect(() => checkMagicCookie({})).toThrow(HandshakeError);
    expect(() => checkMagicCookie({ TF_PLUGIN_MAGIC_COOKIE: 'x' })).toThrow(/This binary is a plugin/);
  });

  test.each(['5,6', '6,5', '6', ' 5 , 6 '])('picks 6 from %j', (offered) => {
    expect(negotiateProtocolVersion({ PLUGIN_PROTOCOL_VERSIONS: offered })).toBe(6);
  });

  test.each([undefined, '', '5', '4,5'])('refuses %j, naming the variable', (offered) => {
    expect(() => negotiateProtocolVersion({ PLUGIN_PROTOCOL_VERSIONS: offered })).toThrow(/PLUGIN_PROTOCOL_VERSIONS/);
  });

  test('the line carries unpadded base64 DER, or an empty field without TLS', () => {
    // 1 and 2 byte inputs give "AQ==" and "AQI=" in padded base64.
    expect(formatHandshakeLine({ network: 'unix', address: '/tmp/x/plugin.sock', certDer: Uint8Array.of(1) })).toBe('1|6|unix|/tmp/x/plugin.sock|grpc|AQ\n');
    expect(formatHandshakeLine({ network: 'unix', address: '/s', certDer: Uint8Array.of(1, 2) })).toBe('1|6|unix|/s|grpc|AQI\n');
    expect(formatHandshakeLine({ network: 'unix', address: '/s' })).toBe('1|6|unix|/s|grpc|\n');
  });
});
