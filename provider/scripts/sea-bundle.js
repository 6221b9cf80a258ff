// Writes dist/provider/provider-sea.js, the main script of the single
// executables (`npm run release`): the provider with every dependency
// inlined, in three parts so that a start parses only what it runs.
//
//   stage 1  what runs before the handshake line (plugin/serve.ts and the
//            little it imports): plain code, parsed at start;
//   stage 2  everything loaded after the handshake (grpc-js, protobufjs, the
//            provider bridge, the Cognito provider): provider-sea-stage2.js,
//            compiled when serve.ts loads it;
//   AWS SDK  provider-sea-sdk.js, compiled at the first Cognito client, which
//            most starts (schema, validate) never make.
//
// In the executable the two later parts are SEA assets (release/sea.ts), read
// only when needed; outside one (a test running provider-sea.js with node)
// they are read from the files next to it. Not parsing code that a start does
// not run saved ~17 ms (the SDK) and ~20 ms (stage 2) per start, measured side
// by side (bench/RESULTS.md). Stage 2 uses stage 1's module instances, not copies
// (the logger's registered secrets are module state): every module of stage 1
// that stage 2 imports resolves to a lookup in stage 1's registry.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');
const { bundleOptions, REPO } = require('./esbuild-options');

const DIST = path.join(REPO, 'dist', 'provider');
const SRC = path.join(DIST, 'src');

/** The modules serve.ts and main.ts import lazily, after the handshake line. */
const STAGE2_MODULES = ['plugin/grpc-server.js', 'plugin/proto-loader.js', 'plugin/provider-service.js', 'cognito/provider.js'].map((m) => path.join(SRC, m));

/** The SDK modules the provider loads at run time (src/cognito/clients.ts); everything else of the SDK is types. */
const SDK_ENTRY_POINTS = ['@aws-sdk/client-cognito-identity', '@aws-sdk/credential-providers', '@smithy/core/retry'];
const SDK_PATTERN = /^(@aws-sdk|@smithy|@aws-crypto)\//;

const REGISTRY = path.join(DIST, 'sea-stage1-registry.js');

function options(entry) {
  return { ...bundleOptions(entry), write: false };
}

/** `require('./x')` from `importer` as an absolute .js path, for relative imports only. */
function resolvedPath(args) {
  if (!args.path.startsWith('.')) return undefined;
  const file = path.resolve(args.resolveDir, args.path);
  return file.endsWith('.js') || file.endsWith('.json') ? file : `${file}.js`;
}

/**
 * Makes relative imports of `files` (absolute paths) resolve to a one-line
 * module that gets them elsewhere: `stub(key)` is its `module.exports`, with
 * `key` the file's path in the repository.
 */
function redirect(build, namespace, files, stub, resolveDir) {
  build.onResolve({ filter: /^\./ }, (args) => {
    const file = resolvedPath(args);
    return files.has(file) ? { path: file, namespace } : undefined;
  });
  build.onLoad({ filter: /.*/, namespace }, (args) => ({
    contents: `module.exports = ${stub(JSON.stringify(path.relative(REPO, args.path)))};`,
    loader: 'js',
    resolveDir,
  }));
}

/** In stage 1: the stage-2 modules are lookups into the compiled stage 2. */
const stage2Stubs = {
  name: 'stage2-stubs',
  setup(build) {
    redirect(build, 'stage2', new Set(STAGE2_MODULES), (key) => `loadStage2(require(${JSON.stringify(REGISTRY)}))[${key}]`, DIST);
  },
};

/** In stage 2: stage 1's modules resolve to stage 1's instances; the SDK to its own asset. */
function stage2Links(stage1Files) {
  return {
    name: 'stage2-links',
    setup(build) {
      redirect(build, 'stage1', stage1Files, (key) => `stage1Module(${key})`);
      build.onResolve({ filter: SDK_PATTERN }, (args) => {
        if (!SDK_ENTRY_POINTS.includes(args.path)) throw new Error(`${args.path} is not in SDK_ENTRY_POINTS (provider/scripts/sea-bundle.js)`);
        return { path: args.path, namespace: 'sdk-asset' };
      });
      build.onLoad({ filter: /.*/, namespace: 'sdk-asset' }, (args) => ({
        contents: `module.exports = loadAwsSdk(${JSON.stringify(args.path)});`,
        loader: 'js',
      }));
    },
  };
}

function writeRegistry(files) {
  const entries = [...files].sort().map((f) => `  ${JSON.stringify(path.relative(REPO, f))}: () => require(${JSON.stringify(f)}),`);
  fs.writeFileSync(REGISTRY, `module.exports = {\n${entries.join('\n')}\n};\n`);
}

/** Stage 1, and the set of its own modules (absolute paths) that stage 2 links to. */
async function buildStage1() {
  writeRegistry([]);
  // First pass: learn stage 1's modules; second pass: the same build with the registry of them.
  const first = await esbuild.build({ ...options(path.join(SRC, 'main.js')), metafile: true, plugins: [stage2Stubs] });
  const inputs = Object.keys(first.metafile.inputs)
    .filter((key) => !key.startsWith('stage2:')) // the stubs, in their own namespace
    .map((f) => path.join(REPO, f))
    .filter((f) => f !== REGISTRY);
  // Only our own modules can be linked from stage 2; a package in stage 1 would exist twice.
  const packages = inputs.filter((f) => !f.startsWith(SRC + path.sep));
  if (packages.length) throw new Error(`stage 1 of the SEA bundle may import only provider modules, not ${packages.join(', ')}`);
  const files = new Set(inputs);
  writeRegistry(files);
  const second = await esbuild.build({ ...options(path.join(SRC, 'main.js')), plugins: [stage2Stubs] });
  return { code: second.outputFiles[0].text, files };
}

async function buildFromEntry(name, lines, plugins) {
  const entry = path.join(DIST, name);
  fs.writeFileSync(entry, `module.exports = {\n${lines.join('\n')}\n};\n`);
  try {
    return (await esbuild.build({ ...options(entry), plugins })).outputFiles[0].text;
  } finally {
    fs.rmSync(entry, { force: true });
  }
}

/** The files next to provider-sea.js that the executable carries as SEA assets under the same names. */
const { SEA_STAGE2_ASSET: STAGE2_FILE, SEA_SDK_ASSET: SDK_FILE } = require(path.join(SRC, 'release', 'sea.js'));

const PREAMBLE = `'use strict';
const vm = require('node:vm');
function sourceOf(name) {
  const sea = require('node:sea');
  if (sea.isSea()) return sea.getAsset(name, 'utf8');
  return require('node:fs').readFileSync(require('node:path').join(__dirname, name), 'utf8');
}
let awsSdkModules;
function loadAwsSdk(id) {
  if (!awsSdkModules) awsSdkModules = runSource('${SDK_FILE}', []);
  return awsSdkModules[id];
}
let stage2Modules;
function loadStage2(registry) {
  if (!stage2Modules) stage2Modules = runSource('${STAGE2_FILE}', [(key) => registry[key](), loadAwsSdk]);
  return stage2Modules;
}
function runSource(name, extra) {
  const wrapped = '(function (exports, require, module, __filename, __dirname, stage1Module, loadAwsSdk) {' + sourceOf(name) + '\\n})';
  const m = { exports: {} };
  new vm.Script(wrapped, { filename: name }).runInThisContext()(m.exports, require, m, name, '.', ...extra);
  return m.exports;
}
`;

async function writeSeaBundle(outfile) {
  try {
    const stage1 = await buildStage1();
    const sdk = await buildFromEntry(
      'sea-sdk-entry.js',
      SDK_ENTRY_POINTS.map((id) => `  ${JSON.stringify(id)}: require(${JSON.stringify(id)}),`),
      [],
    );
    const stage2 = await buildFromEntry(
      'sea-stage2-entry.js',
      STAGE2_MODULES.map((f) => `  ${JSON.stringify(path.relative(REPO, f))}: require(${JSON.stringify(f)}),`),
      [stage2Links(stage1.files)],
    );
    fs.writeFileSync(path.join(path.dirname(outfile), SDK_FILE), sdk);
    fs.writeFileSync(path.join(path.dirname(outfile), STAGE2_FILE), stage2);
    fs.writeFileSync(outfile, PREAMBLE + stage1.code);
  } finally {
    fs.rmSync(REGISTRY, { force: true });
  }
}

module.exports = { writeSeaBundle };
