// The cty value codec: msgpack and JSON forms of CtyValue, and cty's JSON
// type encoding. Knows nothing about gRPC or any provider.

export { CtyCodecError } from './errors';
export { encodeMsgpack, decodeMsgpack } from './msgpack';
export { decodeJsonValue, encodeJsonValue } from './json';
export { typeToJson, parseTypeJson } from './type-json';
export { conform } from './conform';
export { canonicalNumber, numbersEqual } from './numbers';
export { MAX_VALUE_DEPTH } from './limits';
