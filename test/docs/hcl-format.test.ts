// Every HCL snippet in the docs and every .tf file under examples/ is
// well-formed and canonically formatted, as judged by the real `terraform fmt`.
// (Planning the examples needs providers and an emulator; the Terraform suites do that.)
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { codeBlocks, DOCS_DIR, readRegistryDoc } from './registry-docs';

const ROOT = join(__dirname, '..', '..');

function terraformFmt(source: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('terraform', ['fmt', '-no-color', '-'], { input: source, encoding: 'utf8' });
  if (r.error) throw new Error(`cannot run terraform (needed to check HCL formatting): ${r.error.message}`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tfFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === '.terraform' || e.name === 'cdktf.out' ? [] : tfFiles(p);
    return e.name.endsWith('.tf') ? [p] : [];
  });
}

/** The registry pages: index.md and every page of resources/, data-sources/ and functions/. */
const registryPages = [
  'index.md',
  ...['resources', 'data-sources', 'functions'].flatMap((dir) =>
    readdirSync(join(DOCS_DIR, dir))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `${dir}/${f}`),
  ),
];
const docSnippets = registryPages.flatMap((doc) =>
  codeBlocks(readRegistryDoc(doc).text, 'hcl').map((block, i): [string, string] => [`docs/${doc} hcl block ${i + 1}`, block]),
);
const exampleFiles = tfFiles(join(ROOT, 'examples')).map((p): [string, string] => [relative(ROOT, p), readFileSync(p, 'utf8')]);

test('there are HCL snippets and example files to check', () => {
  expect(docSnippets.length).toBeGreaterThanOrEqual(8);
  expect(exampleFiles.map(([name]) => name)).toEqual(
    expect.arrayContaining(['examples/hcl/main.tf', 'examples/hcl/variables.tf', 'examples/hcl/outputs.tf', 'examples/import/main.tf']),
  );
  expect(relative(ROOT, DOCS_DIR)).toBe('docs');
});

test.each([...docSnippets, ...exampleFiles])('%s is valid, terraform-fmt-formatted HCL', (_name, source) => {
  const r = terraformFmt(source);
  expect(r.stderr.replace(/[\s\S]*Unable to open CLI configuration file[\s\S]*?╵\n?/, '')).not.toMatch(/Error/);
  expect(r.status).toBe(0);
  expect(r.stdout).toBe(source);
});
