// DynamicValue ⇄ CtyValue through the cty codec. Core sends msgpack for
// everything; JSON is accepted as a fallback. An absent or empty DynamicValue
// is a null of the schema type, and null is sent as msgpack nil.

import type { CtyType, CtyValue } from '../framework/values';
import { decodeJsonValue, decodeMsgpack, encodeMsgpack } from './cty';
import type { DynamicValueMsg, MessageInit } from './proto-types';

const MSGPACK_NIL = Uint8Array.of(0xc0);

export function decodeDynamicValue(msg: DynamicValueMsg | null | undefined, type: CtyType): CtyValue {
  if (msg?.msgpack && msg.msgpack.length > 0) return decodeMsgpack(msg.msgpack, type);
  if (msg?.json && msg.json.length > 0) {
    const text = Buffer.from(msg.json).toString('utf8');
    return decodeJsonValue(JSON.parse(text), type);
  }
  return null;
}

export function encodeDynamicValue(value: CtyValue, type: CtyType): MessageInit<DynamicValueMsg> {
  if (value === null) return { msgpack: Buffer.from(MSGPACK_NIL) };
  return { msgpack: Buffer.from(encodeMsgpack(value, type)) };
}
