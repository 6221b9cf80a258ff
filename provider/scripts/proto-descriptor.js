#!/usr/bin/env node
// Writes provider/proto/plugin-descriptor.json: the protobufjs JSON form of our
// .proto files, which the provider loads at start instead of parsing .proto
// text (parsing plus @grpc/proto-loader's descriptor work cost ~100 ms of start-up).
// The .proto files stay the source of truth:
//   node provider/scripts/proto-descriptor.js          regenerate
//   node provider/scripts/proto-descriptor.js --check  exit 1 if the JSON is stale (a unit test runs this)
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const protobuf = require('protobufjs');

const PROTO_DIR = path.join(__dirname, '..', 'proto');
const PROTO_FILES = ['tfplugin6.proto', 'go_plugin.proto', 'health.proto'];
const OUTPUT = path.join(PROTO_DIR, 'plugin-descriptor.json');

function descriptorText() {
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => path.join(PROTO_DIR, target);
  // keepCase: field names exactly as in the .proto files, as the provider code expects.
  root.loadSync(PROTO_FILES, { keepCase: true });
  root.resolveAll();
  return `${JSON.stringify(root.toJSON(), null, 1)}\n`;
}

function main(args) {
  const text = descriptorText();
  if (args[0] === '--check') {
    const current = fs.existsSync(OUTPUT) ? fs.readFileSync(OUTPUT, 'utf8') : '';
    if (current !== text) {
      process.stderr.write(`${path.relative(process.cwd(), OUTPUT)} does not match ${PROTO_FILES.join(', ')}: run \`npm run proto:descriptor\`\n`);
      return 1;
    }
    return 0;
  }
  if (args.length > 0) {
    process.stderr.write('Usage: node provider/scripts/proto-descriptor.js [--check]\n');
    return 2;
  }
  fs.writeFileSync(OUTPUT, text);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
