/**
 * `npm run registry -- --from <folder>`: writes server/src/schema/data/coder-registry.json, the index of the
 * `coder` namespace of Coder's module registry (see server/src/schema/registryFormat.ts), from the checkout
 * `<folder>/MANIFEST.tsv` names `coder-registry`: each module's main.tf read by Terraform's own HCL parser
 * (variables, outputs, resource types), the display name from its README's front matter, and the versions
 * from `VERSIONS.tsv` (the repository's release tags).
 */
import { parse } from '@cdktf/hcl2json';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RegistryIndexFile, RegistryInput, RegistryModule } from '../../server/src/schema/registryFormat';
import { readManifest } from '../schemas/inputs';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** `${list(string)}` → `list(string)`: hcl2json writes expressions as templates. */
function expressionText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^\$\{([\s\S]*)\}$/.exec(value);
  return (m ? m[1]! : value).trim();
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((x) => Number(x));
  const pb = b.split(/[.-]/).map((x) => Number(x));
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

async function readModule(dir: string, name: string, versions: string[]): Promise<RegistryModule> {
  const parsed = (await parse('main.tf', readFileSync(join(dir, 'main.tf'), 'utf8'))) as Record<string, Record<string, unknown>>;
  const inputs: Record<string, RegistryInput> = {};
  for (const [input, entries] of Object.entries(parsed.variable ?? {})) {
    const v = (entries as Array<Record<string, unknown>>)[0] ?? {};
    const entry: RegistryInput = { required: !('default' in v) };
    const type = expressionText(v.type);
    if (type) entry.type = type;
    if ('default' in v) entry.default = v.default;
    if (v.sensitive === true) entry.sensitive = true;
    inputs[input] = entry;
  }
  const readme = existsSync(join(dir, 'README.md')) ? readFileSync(join(dir, 'README.md'), 'utf8') : '';
  const displayName = /^---\n[\s\S]*?^display_name:\s*(.+?)\s*$[\s\S]*?^---$/m.exec(readme)?.[1]?.replace(/^["']|["']$/g, '');
  return {
    name,
    display_name: displayName,
    versions: [...versions].sort(compareVersions).reverse(),
    inputs: Object.fromEntries(Object.keys(inputs).sort().map((k) => [k, inputs[k]!])),
    outputs: Object.keys(parsed.output ?? {}).sort(),
    resources: Object.keys(parsed.resource ?? {}).sort(),
    url: `https://registry.coder.com/modules/coder/${name}`,
  };
}

async function main(): Promise<void> {
  const from = arg('--from');
  if (!from) {
    console.error('usage: npm run registry -- --from <folder with MANIFEST.tsv and the coder-registry checkout> [--out <file>]');
    process.exit(2);
  }
  const row = readManifest(from).find((r) => r.folder === 'coder-registry');
  if (!row) throw new Error('MANIFEST.tsv names no coder-registry folder');
  const root = join(from, row.folder);
  const versions = new Map<string, string[]>();
  for (const line of readFileSync(join(root, 'VERSIONS.tsv'), 'utf8').split('\n').slice(1)) {
    const [module, version] = line.split('\t');
    if (module && version) versions.set(module, [...(versions.get(module) ?? []), version.replace(/^v/, '')]);
  }
  const modulesDir = join(root, 'registry', 'coder', 'modules');
  const modules: Record<string, RegistryModule> = {};
  for (const name of readdirSync(modulesDir).sort()) {
    if (!existsSync(join(modulesDir, name, 'main.tf'))) continue;
    modules[name] = await readModule(join(modulesDir, name), name, versions.get(name) ?? []);
  }
  const file: RegistryIndexFile = { format_version: 1, generated_from: { repository: row.repository, ref: row.ref, commit: row.commit }, namespace: 'coder', modules };
  const out = resolve(arg('--out') ?? join(__dirname, '..', '..', 'server', 'src', 'schema', 'data', 'coder-registry.json'));
  writeFileSync(out, `${JSON.stringify(file)}\n`);
  const unreleased = Object.values(modules).filter((m) => !m.versions.length).map((m) => m.name);
  console.log(`${Object.keys(modules).length} modules, ${Object.values(modules).reduce((n, m) => n + m.versions.length, 0)} versions → ${out}`);
  if (unreleased.length) console.log(`  without a release tag: ${unreleased.join(', ')}`);
}

void main();
